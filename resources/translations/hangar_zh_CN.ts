<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>unknown synthetic shape &apos;{shape}&apos;; choose one of {choices}</source>
        <translation>未知的合成模型形状“{shape}”；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>unknown quantisation &apos;{quant}&apos;; choose one of {choices}</source>
        <translation>未知的量化类型“{quant}”；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>writing the synthetic {shape} model (F16, random weights)</source>
        <translation>正在写入合成的 {shape} 模型（F16，随机权重）</translation>
    </message>
    <message>
        <source>quantising it to {quant} with llama.cpp&apos;s quantiser</source>
        <translation>正在用 llama.cpp 的量化工具将它量化为 {quant}</translation>
    </message>
    <message>
        <source>Quantising the synthetic model failed: {reason}</source>
        <translation>量化合成模型失败：{reason}</translation>
    </message>
    <message>
        <source>Give either a model or a synthetic shape.</source>
        <translation>请指定一个模型或一种合成模型形状。</translation>
    </message>
    <message>
        <source>computing the SHA-256 of {file} for the record</source>
        <translation>正在计算 {file} 的 SHA-256，用于记录</translation>
    </message>
    <message>
        <source>The {runtime} runtime is not available: {reason}</source>
        <translation>{runtime} 运行时不可用：{reason}</translation>
    </message>
    <message>
        <source>Add it with: {command}</source>
        <translation>可以这样添加：{command}</translation>
    </message>
    <message>
        <source>{file} {fit}.</source>
        <translation>{file} {fit}。</translation>
    </message>
    <message>
        <source>Pick a smaller model or quantisation, or fewer GPU layers.</source>
        <translation>请选择更小的模型或量化版本，或减少放到 GPU 上的层数。</translation>
    </message>
    <message>
        <source>benchmarking {file} (synthetic weights) on {device} via {runtime}</source>
        <translation>正在通过 {runtime} 在{device}上对 {file}（合成权重）做基准测试</translation>
    </message>
    <message>
        <source>benchmarking {file} on {device} via {runtime}</source>
        <translation>正在通过 {runtime} 在{device}上对 {file} 做基准测试</translation>
    </message>
    <message>
        <source>checking the partial file</source>
        <translation>正在检查已下载的部分文件</translation>
    </message>
    <message>
        <source>The download of {file} kept failing ({problem}).</source>
        <translation>{file} 的下载反复失败（{problem}）。</translation>
    </message>
    <message>
        <source>The partial file is kept; resume when the connection is back.</source>
        <translation>已下载的部分文件会保留；网络恢复后可以继续下载。</translation>
    </message>
    <message>
        <source>{problem}; trying again in {delay:.1f} s</source>
        <translation>{problem}；{delay:.1f} 秒后重试</translation>
    </message>
    <message>
        <source>Download paused; the partial file is kept.</source>
        <translation>下载已暂停；已下载的部分文件会保留。</translation>
    </message>
    <message>
        <source>checking the file already in place</source>
        <translation>正在检查已存在的文件</translation>
    </message>
    <message>
        <source>{file} has {actual:,} bytes but the Hub lists {size:,}.</source>
        <translation>{file} 有 {actual:,} 字节，但 Hub 列出的大小是 {size:,} 字节。</translation>
    </message>
    <message>
        <source>Start the download again.</source>
        <translation>请重新开始下载。</translation>
    </message>
    <message>
        <source>{file} does not match the SHA-256 the Hub publishes: the file is damaged or was tampered with.</source>
        <translation>{file} 与 Hub 公布的 SHA-256 不一致：文件已损坏或被篡改。</translation>
    </message>
    <message>
        <source>It was moved to {path} and will not be loaded. Download it again.</source>
        <translation>它已被移到 {path}，不会被加载。请重新下载。</translation>
    </message>
    <message>
        <source>The server ends {file} early every time and ignores requests to continue from where it stopped (HTTP Range), so the download cannot get past {size}.</source>
        <translation>服务器每次都提前结束 {file} 的传输，并忽略从中断处继续的请求（HTTP Range），因此下载无法超过 {size}。</translation>
    </message>
    <message>
        <source>Try again later or from another network; a proxy between this machine and the Hub may be cutting the connection.</source>
        <translation>请稍后重试或换一个网络；本机与 Hub 之间的代理可能在切断连接。</translation>
    </message>
    <message>
        <source>Not enough disk space in {folder}: the download needs {needed} (the rest of the file and {margin} to spare), and {free} are free.</source>
        <translation>{folder} 的磁盘空间不足：下载需要 {needed}（文件的剩余部分外加 {margin} 余量），可用空间为 {free}。</translation>
    </message>
    <message>
        <source>no data for {seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒内没有收到数据</translation>
    </message>
    <message>
        <source>connection problem ({error})</source>
        <translation>连接出现问题（{error}）</translation>
    </message>
    <message>
        <source>the Hub answered {status}</source>
        <translation>Hub 返回了 {status}</translation>
    </message>
    <message>
        <source>The download of {file} was redirected in a loop (more than {count} redirects).</source>
        <translation>{file} 的下载陷入了重定向循环（超过 {count} 次重定向）。</translation>
    </message>
    <message>
        <source>The Hub, a mirror or a proxy on the way is misconfigured. Try again later, or check HF_ENDPOINT and your proxy settings.</source>
        <translation>Hub、镜像或途中的某个代理配置有误。请稍后重试，或检查 HF_ENDPOINT 和代理设置。</translation>
    </message>
    <message>
        <source>the connection closed early</source>
        <translation>连接提前关闭</translation>
    </message>
    <message>
        <source>Free some space or choose another models folder in Settings; any partial file is kept.</source>
        <translation>请释放一些空间，或在“设置”中选择其他模型文件夹；已下载的部分文件会保留。</translation>
    </message>
    <message>
        <source>refused a download path outside the models folder: {file}</source>
        <translation>已拒绝模型文件夹之外的下载路径：{file}</translation>
    </message>
    <message>
        <source>internal error; see the log</source>
        <translation>内部错误；请查看日志</translation>
    </message>
    <message>
        <source>The file matches what the Hub publishes, so downloading it again brings the same file: choose another file, or tell the repository&apos;s owner.</source>
        <translation>该文件与 Hub 公布的内容一致，重新下载得到的仍是同一个文件：请选择其他文件，或告知仓库所有者。</translation>
    </message>
    <message>
        <source>refused an unsafe file name from the Hub: {file}</source>
        <translation>已拒绝 Hub 上不安全的文件名：{file}</translation>
    </message>
    <message>
        <source>{repo} has no GGUF file named {file}.</source>
        <translation>{repo} 中没有名为 {file} 的 GGUF 文件。</translation>
    </message>
    <message>
        <source>hangar-cli files {repo} lists them.</source>
        <translation>运行 hangar-cli files {repo} 可以列出这些文件。</translation>
    </message>
    <message>
        <source>no download with id {id}</source>
        <translation>没有 ID 为 {id} 的下载</translation>
    </message>
    <message>
        <source>another Hangar process (pid {pid}) is downloading {file}; waiting for it to finish</source>
        <translation>另一个 Hangar 进程（pid {pid}）正在下载 {file}；正在等待它完成</translation>
    </message>
    <message>
        <source>A part of the download kept failing ({problem}).</source>
        <translation>下载的某个分段反复失败（{problem}）。</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full.</source>
        <translation>{folder} 所在的磁盘已满。</translation>
    </message>
    <message>
        <source>Free some space; the partial download is kept and resumes from where it stopped.</source>
        <translation>请释放一些空间；已下载的部分会保留，并会从中断处继续下载。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>internal error: hashed {hashed:,} of {size:,} bytes</source>
        <translation>内部错误：已校验 {hashed:,} / {size:,} 字节</translation>
    </message>
    <message>
        <source>internal error: {file} ends at {hashed:,}, expected {size:,} bytes</source>
        <translation>内部错误：{file} 在 {hashed:,} 字节处结束，应为 {size:,} 字节</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>放得下</translation>
    </message>
    <message>
        <source>fits, but tightly</source>
        <translation>放得下，但比较紧张</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>{verdict} on {device}: needs {needed:.2f} GiB (weights {weights:.2f}, KV cache for {n_ctx:,} tokens {kv:.2f}, compute {compute:.2f}, runtime {runtime:.2f}) of {free:.2f} GiB free</source>
        <translation>在{device}上{verdict}：需要 {needed:.2f} GiB（权重 {weights:.2f}，{n_ctx:,} 个 token 的 KV 缓存 {kv:.2f}，计算缓冲 {compute:.2f}，运行时 {runtime:.2f}），可用 {free:.2f} GiB</translation>
    </message>
    <message>
        <source>The Ascend CANN backend supports F16, Q8_0 and Q4_0 weights; {quant} also uses {types}. Those layers may run on the CPU or fail to load. Prefer a Q8_0, Q4_0 or F16 file for Ascend.</source>
        <translation>昇腾 CANN 后端支持 F16、Q8_0 和 Q4_0 权重；{quant} 还用到了 {types}。这些层可能会在 CPU 上运行，或者无法加载。在昇腾上请优先选择 Q8_0、Q4_0 或 F16 文件。</translation>
    </message>
    <message>
        <source>CPU memory</source>
        <translation>CPU 内存</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <source>Hangar only loads GGUF model files.</source>
        <translation>Hangar 只加载 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>Use a smaller quantisation or a smaller context.</source>
        <translation>请使用更小的量化版本或更小的上下文。</translation>
    </message>
    <message>
        <source>this file&apos;s header is malformed: {key}: {reason}</source>
        <translation>此文件的头部格式错误：{key}：{reason}</translation>
    </message>
    <message>
        <source>tensor {name} has an unknown type {type}: the file is damaged or newer than Hangar</source>
        <translation>张量 {name} 的类型 {type} 无法识别：文件已损坏，或比 Hangar 更新</translation>
    </message>
    <message>
        <source>the GGUF header ends early (at byte {position:,})</source>
        <translation>GGUF 头部提前结束（在第 {position:,} 字节处）</translation>
    </message>
    <message>
        <source>a metadata string claims {length:,} bytes: the file is damaged</source>
        <translation>某个元数据字符串声称有 {length:,} 字节：文件已损坏</translation>
    </message>
    <message>
        <source>arrays are nested more than {limit} deep</source>
        <translation>数组嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>an array claims {count:,} items, more than {limit:,}</source>
        <translation>某个数组声称有 {count:,} 个元素，超过上限 {limit:,}</translation>
    </message>
    <message>
        <source>unknown metadata type {kind} for {key}: the file is damaged or newer than Hangar</source>
        <translation>{key} 的元数据类型 {kind} 无法识别：文件已损坏，或比 Hangar 更新</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a fractional number ({value})</source>
        <translation>小数（{value}）</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a long array</source>
        <translation>长数组</translation>
    </message>
    <message>
        <source>the number {value}</source>
        <translation>数字 {value}</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>其他类型的值</translation>
    </message>
    <message>
        <source>expected a whole number, found an empty array</source>
        <translation>应为整数，实际是空数组</translation>
    </message>
    <message>
        <source>expected a whole number, found {found}</source>
        <translation>应为整数，实际是{found}</translation>
    </message>
    <message>
        <source>{value:,} is outside {low:,} to {high:,}</source>
        <translation>{value:,} 超出了 {low:,} 到 {high:,} 的范围</translation>
    </message>
    <message>
        <source>expected a string, found {found}</source>
        <translation>应为字符串，实际是{found}</translation>
    </message>
    <message>
        <source>the alignment must be a power of two, not {value:,}</source>
        <translation>对齐值必须是 2 的幂，而不是 {value:,}</translation>
    </message>
    <message>
        <source>a tensor has {count:,} dimensions, more than {limit}</source>
        <translation>某个张量有 {count:,} 个维度，超过上限 {limit}</translation>
    </message>
    <message>
        <source>a tensor dimension is larger than {limit:,}</source>
        <translation>某个张量维度大于 {limit:,}</translation>
    </message>
    <message>
        <source>this is not a GGUF file (it does not start with the GGUF signature)</source>
        <translation>这不是 GGUF 文件（它不以 GGUF 签名开头）</translation>
    </message>
    <message>
        <source>GGUF version {version} is not supported</source>
        <translation>不支持 GGUF 版本 {version}</translation>
    </message>
    <message>
        <source>the GGUF header&apos;s counts are implausible: the file is damaged</source>
        <translation>GGUF 头部中的数量不合理：文件已损坏</translation>
    </message>
    <message>
        <source>{what} is gated: accept its terms on the Hub and add your token.</source>
        <translation>{what} 是受限访问的：请在 Hub 上接受其条款，并添加您的令牌。</translation>
    </message>
    <message>
        <source>The Hub has no {what}.</source>
        <translation>Hub 上没有 {what}。</translation>
    </message>
    <message>
        <source>Check the spelling of the repository and file names.</source>
        <translation>请检查仓库名和文件名的拼写。</translation>
    </message>
    <message>
        <source>The Hub could not answer for {what}: {error}</source>
        <translation>Hub 无法响应 {what}：{error}</translation>
    </message>
    <message>
        <source>{what} is not a name the Hub accepts: {problem}</source>
        <translation>{what} 不是 Hub 接受的名称：{problem}</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} did not finish answering for {what} within {seconds:.0f} s.</source>
        <translation>位于 {endpoint} 的 Hub 未能在 {seconds:.0f} 秒内完成对 {what} 的响应。</translation>
    </message>
    <message>
        <source>The Hub or the network is very slow or stuck; try again later. Models already on this machine keep working.</source>
        <translation>Hub 或网络非常慢或已卡住；请稍后重试。本机上已有的模型仍可正常使用。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} sent {what} round in circles: its next page is one already read.</source>
        <translation>位于 {endpoint} 的 Hub 返回的 {what} 结果陷入循环：下一页是已经读取过的页面。</translation>
    </message>
    <message>
        <source>Check HF_ENDPOINT and any proxy between this machine and the Hub.</source>
        <translation>请检查 HF_ENDPOINT 以及本机与 Hub 之间的代理。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} kept {what} going for more than {count} requests; Hangar stopped it.</source>
        <translation>位于 {endpoint} 的 Hub 使 {what} 持续了超过 {count} 次请求；Hangar 已将其停止。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} asks to wait {seconds:,.0f} s before it answers {what}; that is past this call&apos;s deadline.</source>
        <translation>位于 {endpoint} 的 Hub 要求等待 {seconds:,.0f} 秒后才响应 {what}；这超出了本次调用的时限。</translation>
    </message>
    <message>
        <source>The Hub is busy; try again later. Models already on this machine keep working.</source>
        <translation>Hub 正忙；请稍后重试。本机上已有的模型仍可正常使用。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} answered {what} with something that is not JSON (a web page or a broken reply), so it may not be a Hugging Face Hub.</source>
        <translation>位于 {endpoint} 的 Hub 对 {what} 返回的不是 JSON（而是网页或损坏的响应），因此它可能不是 Hugging Face Hub。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} redirected the request for {what} in a loop.</source>
        <translation>位于 {endpoint} 的 Hub 对 {what} 的请求进行了循环重定向。</translation>
    </message>
    <message>
        <source>The request for {what} cannot be sent: {problem}.</source>
        <translation>无法发送 {what} 的请求：{problem}。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} stopped answering for {what} ({error}).</source>
        <translation>位于 {endpoint} 的 Hub 停止响应 {what}（{error}）。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} sent a broken HTTP answer for {what} ({error}).</source>
        <translation>位于 {endpoint} 的 Hub 对 {what} 返回了损坏的 HTTP 响应（{error}）。</translation>
    </message>
    <message>
        <source>Cannot reach the Hugging Face Hub at {endpoint} ({error}).</source>
        <translation>无法连接位于 {endpoint} 的 Hugging Face Hub（{error}）。</translation>
    </message>
    <message>
        <source>Check the network connection or proxy; models already on this machine keep working.</source>
        <translation>请检查网络连接或代理；本机上已有的模型仍可正常使用。</translation>
    </message>
    <message>
        <source>The Hub at {endpoint} answered {what} in a form Hangar does not understand ({problem}).</source>
        <translation>位于 {endpoint} 的 Hub 对 {what} 的响应格式 Hangar 无法识别（{problem}）。</translation>
    </message>
    <message>
        <source>the Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>model search</source>
        <translation>模型搜索</translation>
    </message>
    <message>
        <source>repository {repo}</source>
        <translation>仓库 {repo}</translation>
    </message>
    <message>
        <source>{verdict} on {device} by file size alone ({needed:.2f} GiB of {free:.2f} GiB free); the context&apos;s memory is not counted because the header could not be read</source>
        <translation>仅按文件大小估算，在{device}上{verdict}（需要 {needed:.2f} GiB，可用 {free:.2f} GiB）；由于无法读取文件头，未计入上下文所需的内存</translation>
    </message>
    <message>
        <source>{quant} is not one of the types Ascend CANN runs (F16, Q8_0, Q4_0)</source>
        <translation>{quant} 不是昇腾 CANN 支持运行的类型（F16、Q8_0、Q4_0）</translation>
    </message>
    <message>
        <source>{quant} is the best quality that fits on {device} with a {n_ctx:,}-token context ({needed:.1f} GiB of {free:.1f} GiB free).</source>
        <translation>{quant} 是在{device}上、使用 {n_ctx:,} token 上下文时放得下的最高质量版本（需要 {needed:.1f} GiB，可用 {free:.1f} GiB）。</translation>
    </message>
    <message>
        <source>{quant} is the best quality that fits on {device} with a {n_ctx:,}-token context ({needed:.1f} GiB of {free:.1f} GiB free); {next_quant} would need {next_needed:.1f} GiB.</source>
        <translation>{quant} 是在{device}上、使用 {n_ctx:,} token 上下文时放得下的最高质量版本（需要 {needed:.1f} GiB，可用 {free:.1f} GiB）；{next_quant} 则需要 {next_needed:.1f} GiB。</translation>
    </message>
    <message>
        <source>This repository has no GGUF files.</source>
        <translation>这个仓库中没有 GGUF 文件。</translation>
    </message>
    <message>
        <source>No quant fits comfortably on this machine; the smallest, {quant}, needs {needed:.1f} GiB.</source>
        <translation>没有哪个量化版本能宽裕地放进这台机器；最小的 {quant} 也需要 {needed:.1f} GiB。</translation>
    </message>
    <message>
        <source>no GGUF files</source>
        <translation>没有 GGUF 文件</translation>
    </message>
    <message>
        <source>{what} is in a gated repository: its authors require you to accept their terms first.</source>
        <translation>{what} 位于受限访问的仓库中：作者要求您先接受其条款。</translation>
    </message>
    <message>
        <source>Accept the terms on the model&apos;s Hub page, then enter a Hugging Face access token in Settings.</source>
        <translation>请在该模型的 Hub 页面上接受条款，然后在“设置”中输入 Hugging Face 访问令牌。</translation>
    </message>
    <message>
        <source>The Hub has no such repository: {what}.</source>
        <translation>Hub 上没有这个仓库：{what}。</translation>
    </message>
    <message>
        <source>The Hub has no such revision: {what}.</source>
        <translation>Hub 上没有这个版本：{what}。</translation>
    </message>
    <message>
        <source>The Hub has no such file: {what}.</source>
        <translation>Hub 上没有这个文件：{what}。</translation>
    </message>
    <message>
        <source>The Hub has no such item: {what}.</source>
        <translation>Hub 上没有这一项：{what}。</translation>
    </message>
    <message>
        <source>The Hub refused access to {what} (401).</source>
        <translation>Hub 拒绝访问 {what}（401）。</translation>
    </message>
    <message>
        <source>Check your Hugging Face token in Settings.</source>
        <translation>请在“设置”中检查您的 Hugging Face 令牌。</translation>
    </message>
    <message>
        <source>The Hub answered {status} for {what}: {message}</source>
        <translation>Hub 对 {what} 返回了 {status}：{message}</translation>
    </message>
    <message>
        <source>the GGUF header is larger than {mib} MiB</source>
        <translation>GGUF 头部超过 {mib} MiB</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path} 不存在或不是文件。</translation>
    </message>
    <message>
        <source>Nothing was loaded; give a value inside that range.</source>
        <translation>没有加载任何内容；请给出该范围内的值。</translation>
    </message>
    <message>
        <source>{file} is one part of a split model, and {missing} is missing.</source>
        <translation>{file} 是分卷模型的一部分，缺少 {missing}。</translation>
    </message>
    <message>
        <source>{file} is one part of a split model, and {missing} are missing.</source>
        <translation>{file} 是分卷模型的一部分，缺少 {missing}。</translation>
    </message>
    <message>
        <source>{file} was refused: {reason}</source>
        <translation>{file} 被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} was refused: it is truncated ({size:,} of {expected:,} bytes).</source>
        <translation>{file} 被拒绝：文件不完整（只有 {size:,} 字节，应为 {expected:,} 字节）。</translation>
    </message>
    <message>
        <source>Download it again.</source>
        <translation>请重新下载。</translation>
    </message>
    <message>
        <source>the tensors claim {count:,} parameters</source>
        <translation>张量声称共有 {count:,} 个参数</translation>
    </message>
    <message>
        <source>No model in the library has the id {id}.</source>
        <translation>库中没有 id 为 {id} 的模型。</translation>
    </message>
    <message>
        <source>No model in the library matches &apos;{ref}&apos;.</source>
        <translation>库中没有与“{ref}”匹配的模型。</translation>
    </message>
    <message>
        <source>{file} is nested too deeply to be read</source>
        <translation>{file} 嵌套层级过深，无法读取</translation>
    </message>
    <message>
        <source>{name} could not be deleted: {reason}</source>
        <translation>无法删除 {name}：{reason}</translation>
    </message>
    <message>
        <source>Nothing was deleted. Unload it in Chat or close the program that has the file open, then try again.</source>
        <translation>没有删除任何内容。请在“对话”中卸载它，或关闭打开了该文件的程序，然后重试。</translation>
    </message>
    <message>
        <source>hangar-cli models lists them.</source>
        <translation>运行 hangar-cli models 可以列出它们。</translation>
    </message>
    <message>
        <source>&apos;{ref}&apos; matches {count} models: {ids}. Use the id.</source>
        <translation>“{ref}”匹配到 {count} 个模型：{ids}。请使用 id。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>the model layer&apos;s digest is not a SHA-256</source>
        <translation>模型层的摘要不是 SHA-256</translation>
    </message>
    <message>
        <source>{name} belongs to {source}; Hangar does not delete other tools&apos; files.</source>
        <translation>{name} 属于 {source}；Hangar 不会删除其他工具的文件。</translation>
    </message>
    <message>
        <source>Remove it from the library only, or delete it with the tool that owns it.</source>
        <translation>只从库中移除它，或用它所属的工具删除。</translation>
    </message>
    <message>
        <source>A model&apos;s name cannot be empty.</source>
        <translation>模型名称不能为空。</translation>
    </message>
    <message>
        <source>{name} is no longer in the library.</source>
        <translation>{name} 已不在库中。</translation>
    </message>
    <message>
        <source>often the system ran out of memory and killed it</source>
        <translation>通常是系统内存不足而将其终止</translation>
    </message>
    <message>
        <source>a crash inside llama.cpp or the GPU driver</source>
        <translation>llama.cpp 或 GPU 驱动内部崩溃</translation>
    </message>
    <message>
        <source>llama.cpp stopped on an internal error</source>
        <translation>llama.cpp 因内部错误而停止</translation>
    </message>
    <message>
        <source>the model file changed or vanished while mapped</source>
        <translation>模型文件在映射期间被修改或消失</translation>
    </message>
    <message>
        <source>The model process was stopped by {signal} ({hint}).</source>
        <translation>模型进程被 {signal} 终止（{hint}）。</translation>
    </message>
    <message>
        <source>The model process was stopped by {signal}.</source>
        <translation>模型进程被 {signal} 终止。</translation>
    </message>
    <message>
        <source>The model process exited unexpectedly (exit code {code}).</source>
        <translation>模型进程意外退出（退出码 {code}）。</translation>
    </message>
    <message>
        <source>The model process is not running.</source>
        <translation>模型进程没有在运行。</translation>
    </message>
    <message>
        <source>The model process is gone: {error}</source>
        <translation>模型进程已退出：{error}</translation>
    </message>
    <message>
        <source>The model process did not answer within {seconds:.0f} s.</source>
        <translation>模型进程在 {seconds:.0f} 秒内没有响应。</translation>
    </message>
    <message>
        <source>The model process stopped answering (no sign of life for {seconds:.0f} s; it may have been suspended).</source>
        <translation>模型进程停止响应（{seconds:.0f} 秒内没有任何活动迹象；它可能已被挂起）。</translation>
    </message>
    <message>
        <source>The {what} was cancelled.</source>
        <translation>{what}已取消。</translation>
    </message>
    <message>
        <source>No answer to the {what} request.</source>
        <translation>{what}请求没有得到响应。</translation>
    </message>
    <message>
        <source>load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>The model process sent {event} instead of its greeting.</source>
        <translation>模型进程发送了 {event}，而不是握手消息。</translation>
    </message>
    <message>
        <source>Hangar only loads GGUF files. Download a .gguf quantisation of this model.</source>
        <translation>Hangar 只加载 GGUF 文件。请下载该模型的 .gguf 量化版本。</translation>
    </message>
    <message>
        <source>Hangar is still running; load the model again, perhaps with a smaller context or fewer GPU layers.</source>
        <translation>Hangar 仍在运行；请重新加载模型，可以尝试更小的上下文或更少的 GPU 层。</translation>
    </message>
    <message>
        <source>Start a new conversation or load the model with a larger context.</source>
        <translation>请新建一个会话，或用更大的上下文重新加载模型。</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>Loading on the CPU instead: {reason}</source>
        <translation>改为在 CPU 上加载：{reason}</translation>
    </message>
    <message>
        <source>downloading {file} ({size})</source>
        <translation>正在下载 {file}（{size}）</translation>
    </message>
    <message>
        <source>The file of {name} is no longer at {path}: it was moved or deleted outside Hangar.</source>
        <translation>{name} 的文件已不在 {path}：它在 Hangar 之外被移动或删除了。</translation>
    </message>
    <message>
        <source>Import it again from where it is now, or remove it from the library.</source>
        <translation>请从它现在的位置重新导入，或将它从库中移除。</translation>
    </message>
    <message>
        <source>unknown setting &apos;{name}&apos;; known: {known}</source>
        <translation>未知设置“{name}”；已知设置：{known}</translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}</source>
        <translation>无法保存设置：{reason}</translation>
    </message>
    <message>
        <source>{name} cannot be set to {value}</source>
        <translation>{name} 不能设为 {value}</translation>
    </message>
    <message>
        <source>Cannot use {path}: {reason}</source>
        <translation>无法使用 {path}：{reason}</translation>
    </message>
    <message>
        <source>npu-smi not on PATH</source>
        <translation>系统路径中没有 npu-smi</translation>
    </message>
    <message>
        <source>npu-smi not on PATH and no /dev/davinci devices: no Ascend driver installed</source>
        <translation>系统路径中没有 npu-smi，也没有 /dev/davinci 设备：未安装昇腾驱动</translation>
    </message>
    <message>
        <source>npu-smi failed: {problem}</source>
        <translation>npu-smi 运行失败：{problem}</translation>
    </message>
    <message>
        <source>npu-smi lists no NPU</source>
        <translation>npu-smi 未列出任何 NPU</translation>
    </message>
    <message>
        <source>nvidia-ml-py is not installed</source>
        <translation>未安装 nvidia-ml-py</translation>
    </message>
    <message>
        <source>NVML found no NVIDIA GPU</source>
        <translation>NVML 没有找到 NVIDIA GPU</translation>
    </message>
    <message>
        <source>NVML not available ({problem})</source>
        <translation>NVML 不可用（{problem}）</translation>
    </message>
    <message>
        <source>{nvml}; nvidia-smi not on PATH: no NVIDIA driver installed</source>
        <translation>{nvml}；系统路径中也没有 nvidia-smi：未安装 NVIDIA 驱动</translation>
    </message>
    <message>
        <source>{nvml}; nvidia-smi failed: {problem}</source>
        <translation>{nvml}；nvidia-smi 运行失败：{problem}</translation>
    </message>
    <message>
        <source>nvidia-smi lists no GPU</source>
        <translation>nvidia-smi 未列出任何 GPU</translation>
    </message>
    <message>
        <source>refused an unsafe file name from the Hub: {name}</source>
        <translation>已拒绝 Hub 返回的不安全文件名：{name}</translation>
    </message>
    <message>
        <source>That does not look like a Hugging Face access token (they start with hf_).</source>
        <translation>这看起来不像 Hugging Face 访问令牌（令牌以 hf_ 开头）。</translation>
    </message>
    <message>
        <source>No system keyring is available to store the token safely.</source>
        <translation>没有可用的系统密钥环来安全地保存令牌。</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring, KWallet), or set HF_TOKEN in the environment.</source>
        <translation>请安装并解锁一个 Secret Service 密钥环（GNOME Keyring、KWallet），或在环境变量中设置 HF_TOKEN。</translation>
    </message>
    <message>
        <source>license</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>license_name</source>
        <translation>许可证名称</translation>
    </message>
    <message>
        <source>license_link</source>
        <translation>许可证链接</translation>
    </message>
    <message>
        <source>general.license</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>general.license.name</source>
        <translation>许可证名称</translation>
    </message>
    <message>
        <source>general.license.link</source>
        <translation>许可证链接</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>{source} {field} = {value}</source>
        <translation>{source}·{field} = {value}</translation>
    </message>
    <message>
        <source>(ignored: not text, {type})</source>
        <translation>（已忽略：不是文本，而是 {type}）</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} 个字符</translation>
    </message>
    <message>
        <source>This upload is labelled {own}, but its base model {base} is under {license}. A re-upload cannot change the license of what it copied, so Hangar follows the base model; check with the uploader.</source>
        <translation>此上传标注为 {own}，但其基础模型 {base} 采用的是 {license}。重新上传不能改变所复制内容的许可证，因此 Hangar 以基础模型为准；请向上传者确认。</translation>
    </message>
    <message>
        <source>The sources disagree: {licenses}.</source>
        <translation>各来源说法不一：{licenses}。</translation>
    </message>
    <message>
        <source>The license could not be determined (seen: {seen}). A person must review it before this model is used.</source>
        <translation>无法确定许可证（已看到：{seen}）。使用该模型前须由人工审查。</translation>
    </message>
    <message>
        <source>The license could not be determined (no license stated anywhere). A person must review it before this model is used.</source>
        <translation>无法确定许可证（任何地方都没有声明许可证）。使用该模型前须由人工审查。</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>review</source>
        <translation>需审查</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Class III (Open Model)</source>
        <translation>第三类（开放模型）</translation>
    </message>
    <message>
        <source>Class II (Open Tooling)</source>
        <translation>第二类（开放工具）</translation>
    </message>
    <message>
        <source>Class I (Open Science)</source>
        <translation>第一类（开放科学）</translation>
    </message>
    <message>
        <source>Hub card</source>
        <translation>Hub 模型卡片</translation>
    </message>
    <message>
        <source>GGUF metadata</source>
        <translation>GGUF 元数据</translation>
    </message>
    <message>
        <source>LICENSE file</source>
        <translation>许可证文件</translation>
    </message>
    <message>
        <source>base model card</source>
        <translation>基础模型的模型卡片</translation>
    </message>
    <message>
        <source>base model name</source>
        <translation>基础模型名称</translation>
    </message>
    <message>
        <source>Unknown license</source>
        <translation>未知许可证</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>source address</source>
        <translation>来源地址</translation>
    </message>
    <message>
        <source>commercial use</source>
        <translation>商业使用</translation>
    </message>
    <message>
        <source>research only</source>
        <translation>仅限研究</translation>
    </message>
    <message>
        <source>user cap</source>
        <translation>用户上限</translation>
    </message>
    <message>
        <source>user cap note</source>
        <translation>用户上限说明</translation>
    </message>
    <message>
        <source>excluded territories</source>
        <translation>排除的地区</translation>
    </message>
    <message>
        <source>territory note</source>
        <translation>地区说明</translation>
    </message>
    <message>
        <source>attribution duties</source>
        <translation>署名义务</translation>
    </message>
    <message>
        <source>attribution duties (Chinese)</source>
        <translation>署名义务（中文）</translation>
    </message>
    <message>
        <source>acceptable-use policy</source>
        <translation>可接受使用政策</translation>
    </message>
    <message>
        <source>training on outputs</source>
        <translation>用输出训练</translation>
    </message>
    <message>
        <source>training on outputs note</source>
        <translation>用输出训练的说明</translation>
    </message>
    <message>
        <source>redistribution duties</source>
        <translation>再分发义务</translation>
    </message>
    <message>
        <source>redistribution duties (Chinese)</source>
        <translation>再分发义务（中文）</translation>
    </message>
    <message>
        <source>open license</source>
        <translation>开放许可证</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>model families</source>
        <translation>模型系列</translation>
    </message>
    <message>
        <source>text fingerprints</source>
        <translation>文本指纹</translation>
    </message>
    <message>
        <source>Hub license ids</source>
        <translation>Hub 许可证 id</translation>
    </message>
    <message>
        <source>Hub license names</source>
        <translation>Hub 许可证名称</translation>
    </message>
    <message>
        <source>license links</source>
        <translation>许可证链接</translation>
    </message>
    <message>
        <source>it is nested too deeply</source>
        <translation>嵌套层级过深</translation>
    </message>
    <message>
        <source>The license knowledge base file {file} is damaged: {problem}</source>
        <translation>许可证知识库文件 {file} 已损坏：{problem}</translation>
    </message>
    <message>
        <source>Reinstall Hangar, or restore the file from its source.</source>
        <translation>请重新安装 Hangar，或从来源恢复该文件。</translation>
    </message>
    <message>
        <source>Model architecture</source>
        <translation>模型架构</translation>
    </message>
    <message>
        <source>Model parameters (weights)</source>
        <translation>模型参数（权重）</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>模型卡片</translation>
    </message>
    <message>
        <source>Data card</source>
        <translation>数据卡片</translation>
    </message>
    <message>
        <source>Technical report</source>
        <translation>技术报告</translation>
    </message>
    <message>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <source>Training code</source>
        <translation>训练代码</translation>
    </message>
    <message>
        <source>Inference code</source>
        <translation>推理代码</translation>
    </message>
    <message>
        <source>Evaluation code</source>
        <translation>评估代码</translation>
    </message>
    <message>
        <source>Training datasets</source>
        <translation>训练数据集</translation>
    </message>
    <message>
        <source>Research paper</source>
        <translation>研究论文</translation>
    </message>
    <message>
        <source>A policy needs a name.</source>
        <translation>政策需要一个名称。</translation>
    </message>
    <message>
        <source>territories must be a list of ISO 3166 country codes (or EU), e.g. [&quot;DE&quot;, &quot;FR&quot;]</source>
        <translation>territories 必须是 ISO 3166 国家代码（或 EU）的列表，例如 [&quot;DE&quot;, &quot;FR&quot;]</translation>
    </message>
    <message>
        <source>not ISO 3166 country codes: {codes}</source>
        <translation>不是 ISO 3166 国家代码：{codes}</translation>
    </message>
    <message>
        <source>max_monthly_users must be a whole number of users, or null for no limit</source>
        <translation>max_monthly_users 必须是整数用户数，不设上限时为 null</translation>
    </message>
    <message>
        <source>{name} must be true or false</source>
        <translation>{name} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>This is not a policy file (not JSON: {problem}).</source>
        <translation>这不是政策文件（不是 JSON：{problem}）。</translation>
    </message>
    <message>
        <source>This is not a Hangar license policy (expected &quot;format&quot;: &quot;{format}&quot;).</source>
        <translation>这不是 Hangar 许可证政策（应有 &quot;format&quot;: &quot;{format}&quot;）。</translation>
    </message>
    <message>
        <source>The policy file is malformed: {problem}</source>
        <translation>政策文件格式错误：{problem}</translation>
    </message>
    <message>
        <source>Cannot read the policy file {path}: {problem}</source>
        <translation>无法读取政策文件 {path}：{problem}</translation>
    </message>
    <message>
        <source>The license could not be determined; a person must review it before use.</source>
        <translation>无法确定许可证；使用前须由人工审查。</translation>
    </message>
    <message>
        <source>{license} does not allow commercial use (research and non-commercial use only).</source>
        <translation>{license} 不允许商业使用（仅限研究和非商业用途）。</translation>
    </message>
    <message>
        <source>{license} does not allow commercial use.</source>
        <translation>{license} 不允许商业使用。</translation>
    </message>
    <message>
        <source>{license} is for research only, which this policy does not accept.</source>
        <translation>{license} 仅限研究使用，而此政策不接受仅限研究的许可证。</translation>
    </message>
    <message>
        <source>Whether {license} allows commercial use is not known.</source>
        <translation>尚不清楚 {license} 是否允许商业使用。</translation>
    </message>
    <message>
        <source>{license} excludes {excluded}, and you operate in {places}.</source>
        <translation>{license} 排除了 {excluded}，而您在 {places} 运营。</translation>
    </message>
    <message>
        <source>{license} needs a separate license above {cap:,} monthly active users; the policy sets no user limit.</source>
        <translation>{license} 在月活跃用户超过 {cap:,} 时需另行取得许可；此政策未设用户上限。</translation>
    </message>
    <message>
        <source>{license} needs a separate license above {cap:,} monthly active users; you plan for {users:,}.</source>
        <translation>{license} 在月活跃用户超过 {cap:,} 时需另行取得许可；您计划的用户数为 {users:,}。</translation>
    </message>
    <message>
        <source>{license} requires attribution or naming that this policy does not accept: {duty}</source>
        <translation>{license} 要求的署名或命名方式不为此政策所接受：{duty}</translation>
    </message>
    <message>
        <source>{license} forbids using its outputs to train other models.</source>
        <translation>{license} 禁止用其输出训练其他模型。</translation>
    </message>
    <message>
        <source>{license}: using outputs to train other models is {terms}. {note}</source>
        <translation>{license}：用输出训练其他模型的条款为“{terms}”。{note}</translation>
    </message>
    <message>
        <source>The license was detected with low confidence: {warnings}</source>
        <translation>许可证的识别置信度低：{warnings}</translation>
    </message>
    <message>
        <source>The license was detected with low confidence: few or conflicting clues.</source>
        <translation>许可证的识别置信度低：线索很少或相互矛盾。</translation>
    </message>
    <message>
        <source>all fields</source>
        <translation>所有字段</translation>
    </message>
    <message>
        <source>Hangar&apos;s facts about {license} were not checked against the license text ({fields}).</source>
        <translation>Hangar 关于 {license} 的信息尚未与许可证原文核对（{fields}）。</translation>
    </message>
    <message>
        <source>{license} fits this policy. Duties: {duties}.</source>
        <translation>{license} 符合此政策。义务：{duties}。</translation>
    </message>
    <message>
        <source>{license} fits this policy.</source>
        <translation>{license} 符合此政策。</translation>
    </message>
    <message>
        <source>the build did not answer within {seconds:.0f} s</source>
        <translation>该构建在 {seconds:.0f} 秒内没有响应</translation>
    </message>
    <message>
        <source>probe exited with code {code}</source>
        <translation>探测进程以退出码 {code} 结束</translation>
    </message>
    <message>
        <source>the build&apos;s probe printed no answer</source>
        <translation>该构建的探测没有输出结果</translation>
    </message>
    <message>
        <source>the {runtime} build loads but sees no device (is the driver installed and the device visible?)</source>
        <translation>{runtime} 构建可以加载，但看不到任何设备（驱动是否已安装、设备是否可见？）</translation>
    </message>
    <message>
        <source>llama-cpp-python is not installed</source>
        <translation>未安装 llama-cpp-python</translation>
    </message>
    <message>
        <source>llama-cpp-python does not load: {problem}</source>
        <translation>llama-cpp-python 无法加载：{problem}</translation>
    </message>
    <message>
        <source>not installed (no build in {folder})</source>
        <translation>未安装（{folder} 中没有构建）</translation>
    </message>
    <message>
        <source>{file} is unreadable: {problem}</source>
        <translation>无法读取 {file}：{problem}</translation>
    </message>
    <message>
        <source>built for llama-cpp-python {built_for}, but Hangar uses {version}: rebuild it</source>
        <translation>为 llama-cpp-python {built_for} 构建，但 Hangar 使用的是 {version}：请重新构建</translation>
    </message>
    <message>
        <source>{library} is missing from {folder}: the build is incomplete</source>
        <translation>{folder} 中缺少 {library}：构建不完整</translation>
    </message>
    <message>
        <source>the build does not load: {problem}</source>
        <translation>该构建无法加载：{problem}</translation>
    </message>
    <message>
        <source>no runtime available</source>
        <translation>没有可用的运行时</translation>
    </message>
    <message>
        <source>threads must be between 0 (automatic) and 1024, not {threads}</source>
        <translation>threads 必须在 0（自动）到 1024 之间，而不是 {threads}</translation>
    </message>
    <message>
        <source>language must be one of {choices}, not {value}</source>
        <translation>language 必须是 {choices} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>theme must be one of {choices}, not {value}</source>
        <translation>theme 必须是 {choices} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a number of at least 0, not {value}</source>
        <translation>{name} 必须是不小于 0 的数字，而不是 {value}</translation>
    </message>
    <message>
        <source>unknown setting {name}; known: {known}</source>
        <translation>未知设置 {name}；已知设置：{known}</translation>
    </message>
    <message>
        <source>{name} takes true or false, not {value}</source>
        <translation>{name} 只接受 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} takes a whole number, not {value}</source>
        <translation>{name} 只接受整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} takes a number, not {value}</source>
        <translation>{name} 只接受数字，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} cannot be negative</source>
        <translation>{name} 不能为负数</translation>
    </message>
    <message>
        <source>{path} could not be read ({problem}); defaults are used and the file is kept: before settings are next saved, it is moved to {aside}.</source>
        <translation>无法读取 {path}（{problem}）；已改用默认值，该文件会保留：下次保存设置前，它会被移到 {aside}。</translation>
    </message>
    <message>
        <source>it is nested too deeply to be a settings file</source>
        <translation>嵌套层级过深，不可能是设置文件</translation>
    </message>
    <message>
        <source>Free some space, then change the setting again.</source>
        <translation>请释放一些空间，然后重新修改该设置。</translation>
    </message>
    <message>
        <source>{path} could not be read and was moved to {aside}; a new settings file was written.</source>
        <translation>无法读取 {path}，已将其移到 {aside}；已写入新的设置文件。</translation>
    </message>
    <message>
        <source>setting {name} has an invalid value {value}; using the default</source>
        <translation>设置 {name} 的值 {value} 无效；使用默认值</translation>
    </message>
    <message>
        <source>{problem}; using defaults for the invalid values</source>
        <translation>{problem}；无效的值改用默认值</translation>
    </message>
    <message>
        <source>The database {path} is damaged: {problems}</source>
        <translation>数据库 {path} 已损坏：{problems}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of Hangar (schema {current}; this version knows up to {target}).</source>
        <translation>数据库 {path} 是由更新版本的 Hangar 写入的（结构版本 {current}；此版本最高只支持 {target}）。</translation>
    </message>
    <message>
        <source>Update Hangar, or point HANGAR_HOME at another folder. The file was not changed.</source>
        <translation>请更新 Hangar，或将 HANGAR_HOME 指向其他文件夹。该文件没有被修改。</translation>
    </message>
    <message>
        <source>Hangar has not changed or deleted it. Restore it from a backup, or move it aside and let Hangar start a fresh one (your model files are not inside it).</source>
        <translation>Hangar 没有修改或删除它。请从备份恢复，或将它移到一旁，让 Hangar 新建一个数据库（您的模型文件不在其中）。</translation>
    </message>
    <message>
        <source>Another program is writing to it, often a second Hangar window or a hangar-cli command still running. Close it and try again.</source>
        <translation>另一个程序正在写入它，通常是第二个 Hangar 窗口或仍在运行的 hangar-cli 命令。请关闭它后重试。</translation>
    </message>
    <message>
        <source>The file {path} is not a SQLite database.</source>
        <translation>文件 {path} 不是 SQLite 数据库。</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} 不是文件。</translation>
    </message>
    <message>
        <source>Remove or rename it, then start Hangar again.</source>
        <translation>请删除或重命名它，然后重新启动 Hangar。</translation>
    </message>
    <message>
        <source>The database {path} is locked.</source>
        <translation>数据库 {path} 已被锁定。</translation>
    </message>
    <message>
        <source>The database {path} is read-only.</source>
        <translation>数据库 {path} 是只读的。</translation>
    </message>
    <message>
        <source>Give your user write permission on that folder, or set HANGAR_HOME to a writable one.</source>
        <translation>请为您的用户授予该文件夹的写权限，或将 HANGAR_HOME 设为可写的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the database {path}: {problem}.</source>
        <translation>无法写入数据库 {path}：{problem}。</translation>
    </message>
    <message>
        <source>Free some disk space and try again.</source>
        <translation>请释放一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database {path} refused a change: {problem}.</source>
        <translation>数据库 {path} 拒绝了一项修改：{problem}。</translation>
    </message>
    <message>
        <source>The database is not damaged; the change clashed with what it already holds. Try again, and report it if it happens again.</source>
        <translation>数据库没有损坏；这项修改与其中已有的内容冲突。请重试，如果再次发生，请报告此问题。</translation>
    </message>
    <message>
        <source>Database error in {path}: {problem}</source>
        <translation>{path} 中出现数据库错误：{problem}</translation>
    </message>
    <message>
        <source>The database {path} is damaged: {problem}.</source>
        <translation>数据库 {path} 已损坏：{problem}。</translation>
    </message>
    <message>
        <source>unknown preset {preset}; choose one of {presets}</source>
        <translation>未知预设 {preset}；请从 {presets} 中选择</translation>
    </message>
    <message>
        <source>{path} must end in .gguf</source>
        <translation>{path} 必须以 .gguf 结尾</translation>
    </message>
    <message>
        <source>a script&apos;s UTF-8 bytes must all differ</source>
        <translation>脚本的 UTF-8 字节必须各不相同</translation>
    </message>
    <message>
        <source>llama.cpp could not load {file} for the benchmark.</source>
        <translation>llama.cpp 无法为基准测试加载 {file}。</translation>
    </message>
    <message>
        <source>llama.cpp could not create a {n_ctx}-token context for {test}.</source>
        <translation>llama.cpp 无法为 {test} 创建 {n_ctx} 个 token 的上下文。</translation>
    </message>
    <message>
        <source>The benchmark was cancelled.</source>
        <translation>基准测试已取消。</translation>
    </message>
    <message>
        <source>llama.cpp failed to decode a prompt batch.</source>
        <translation>llama.cpp 解码提示词批次失败。</translation>
    </message>
    <message>
        <source>llama.cpp failed to decode a generated token.</source>
        <translation>llama.cpp 解码生成的 token 失败。</translation>
    </message>
    <message>
        <source>{test} warm-up</source>
        <translation>{test} 预热</translation>
    </message>
    <message>
        <source>{test} {rep}/{reps}</source>
        <translation>{test} {rep}/{reps}</translation>
    </message>
    <message>
        <source>no RAPL energy counters ({folder} has no intel-rapl zones: a VM or a CPU without RAPL)</source>
        <translation>没有 RAPL 能耗计数器（{folder} 中没有 intel-rapl 区域：虚拟机或不支持 RAPL 的 CPU）</translation>
    </message>
    <message>
        <source>RAPL counters are not readable ({file}: {error}; they are often root-only)</source>
        <translation>RAPL 计数器不可读（{file}：{error}；它们通常只有 root 可读）</translation>
    </message>
    <message>
        <source>NVML energy counter unavailable ({error})</source>
        <translation>NVML 能耗计数器不可用（{error}）</translation>
    </message>
    <message>
        <source>npu-smi is not on PATH, so Ascend power cannot be sampled</source>
        <translation>系统路径中没有 npu-smi，无法采样昇腾功耗</translation>
    </message>
    <message>
        <source>npu-smi gave no power reading ({error})</source>
        <translation>npu-smi 没有给出功耗读数（{error}）</translation>
    </message>
    <message>
        <source>Model file not found: {path}</source>
        <translation>找不到模型文件：{path}</translation>
    </message>
    <message>
        <source>{file} is not a GGUF model file (it does not start with the GGUF signature).</source>
        <translation>{file} 不是 GGUF 模型文件（它不以 GGUF 签名开头）。</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <source>Only your own messages in this conversation can be edited.</source>
        <translation>在此会话中只能编辑您自己发送的消息。</translation>
    </message>
    <message>
        <source>Load a model first.</source>
        <translation>请先加载模型。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template is {size}; Hangar reads chat templates up to {limit}. The file is damaged or was not made for chat.</source>
        <translation>模型的对话模板大小为 {size}；Hangar 最多读取 {limit} 的对话模板。文件已损坏，或并非为对话而制作。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template did not compile within {seconds:g} s (Hangar&apos;s time limit for a chat template).</source>
        <translation>模型的对话模板未能在 {seconds:g} 秒内完成编译（Hangar 对对话模板的时间限制）。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed: {error}</source>
        <translation>模型的对话模板出错：{error}</translation>
    </message>
    <message>
        <source>The model&apos;s chat template ran for more than {seconds:g} s without finishing and was stopped (Hangar&apos;s time limit for rendering a chat template).</source>
        <translation>模型的对话模板运行超过 {seconds:g} 秒仍未完成，已被停止（Hangar 渲染对话模板的时间限制）。</translation>
    </message>
    <message>
        <source>The chat template&apos;s output passed {limit:,} characters, more than a context of {n_ctx:,} tokens can hold; it was stopped there.</source>
        <translation>对话模板的输出超过了 {limit:,} 个字符，超出 {n_ctx:,} 个 token 的上下文所能容纳的量；已在此处停止。</translation>
    </message>
    <message>
        <source>The prompt is {size:,} bytes, more than a context of {n_ctx:,} tokens can hold (Hangar reads at most {limit:,} bytes for it, {per_token} per token of context).</source>
        <translation>提示词有 {size:,} 字节，超出 {n_ctx:,} 个 token 的上下文所能容纳的量（Hangar 最多读取 {limit:,} 字节，即每个上下文 token {per_token} 字节）。</translation>
    </message>
    <message>
        <source>The prompt has {tokens} tokens but the context holds {n_ctx}.</source>
        <translation>提示词有 {tokens} 个 token，但上下文只能容纳 {n_ctx} 个。</translation>
    </message>
    <message>
        <source>Generation failed: {error}</source>
        <translation>生成失败：{error}</translation>
    </message>
    <message>
        <source>{file} is incomplete or damaged ({size:,} bytes): {detail}</source>
        <translation>{file} 不完整或已损坏（{size:,} 字节）：{detail}</translation>
    </message>
    <message>
        <source>Not enough memory to load {file}: {detail}</source>
        <translation>内存不足，无法加载 {file}：{detail}</translation>
    </message>
    <message>
        <source>llama.cpp could not load {file}: {detail}</source>
        <translation>llama.cpp 无法加载 {file}：{detail}</translation>
    </message>
    <message>
        <source>unreadable request: {error}</source>
        <translation>无法解析的请求：{error}</translation>
    </message>
    <message>
        <source>Internal error in the model process: {error}</source>
        <translation>模型进程内部错误：{error}</translation>
    </message>
    <message>
        <source>No model is loaded in this worker.</source>
        <translation>此工作进程中没有加载模型。</translation>
    </message>
    <message>
        <source>generate needs either a prompt or messages</source>
        <translation>generate 需要 prompt 或 messages 之一</translation>
    </message>
    <message>
        <source>unknown request {op}</source>
        <translation>未知请求 {op}</translation>
    </message>
    <message>
        <source>bad {op} request: {error}</source>
        <translation>{op} 请求有误：{error}</translation>
    </message>
    <message>
        <source>The bill of materials does not validate against CycloneDX 1.6: {error}</source>
        <translation>AI 物料清单未通过 CycloneDX 1.6 校验：{error}</translation>
    </message>
    <message>
        <source>{name} must be a number, not {value}</source>
        <translation>{name} 必须是数字，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be between {low} and {high}, not {value}</source>
        <translation>{name} 必须在 {low} 到 {high} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>There is no message to answer yet.</source>
        <translation>还没有可以回复的消息。</translation>
    </message>
    <message>
        <source>An edited message cannot be empty.</source>
        <translation>编辑后的消息不能为空。</translation>
    </message>
    <message>
        <source>No conversation {id}.</source>
        <translation>没有会话 {id}。</translation>
    </message>
    <message>
        <source>cannot change {fields}</source>
        <translation>不能修改 {fields}</translation>
    </message>
    <message>
        <source>unknown role {role}</source>
        <translation>未知角色 {role}</translation>
    </message>
    <message>
        <source>No message {id}.</source>
        <translation>没有消息 {id}。</translation>
    </message>
    <message>
        <source>A preset needs a name.</source>
        <translation>预设需要一个名称。</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is a built-in preset; save yours under another name.</source>
        <translation>“{name}”是内置预设；请用其他名称保存您的预设。</translation>
    </message>
    <message>
        <source>A conversation&apos;s name cannot be empty.</source>
        <translation>会话名称不能为空。</translation>
    </message>
    <message>
        <source>A reply is still being written here. Stop it first.</source>
        <translation>此处仍在生成回复，请先停止。</translation>
    </message>
    <message>
        <source>The search text is {length:,} characters long; the Hub takes at most {most}.</source>
        <translation>搜索文本长 {length:,} 个字符；Hub 最多接受 {most} 个。</translation>
    </message>
    <message>
        <source>Search for a few words of the repository&apos;s name.</source>
        <translation>请用仓库名称中的几个词进行搜索。</translation>
    </message>
    <message>
        <source>The author name is {length:,} characters long; the Hub takes at most {most}.</source>
        <translation>作者名长 {length:,} 个字符；Hub 最多接受 {most} 个。</translation>
    </message>
    <message>
        <source>The number of results must be between 1 and {most:,}, not {value}.</source>
        <translation>结果数必须在 1 到 {most:,} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>The offset must be between 0 and {most:,}, not {value}.</source>
        <translation>偏移量必须在 0 到 {most:,} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>it is {kind}, not a regular file</source>
        <translation>它是{kind}，而不是普通文件</translation>
    </message>
    <message>
        <source>it is {size}, more than the {limit} such a file may have</source>
        <translation>它有 {size}，超过了此类文件允许的 {limit}</translation>
    </message>
    <message>
        <source>warning: the log {file} cannot be written ({reason})</source>
        <translation>警告：无法写入日志 {file}（{reason}）</translation>
    </message>
    <message>
        <source>{name} must be text, not {value}</source>
        <translation>{name} 必须是文本，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be one of {choices}, not {value}</source>
        <translation>{name} 必须是 {choices} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be true or false, not {value}</source>
        <translation>{name} 必须是 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a list of messages, not {value}</source>
        <translation>{name} 必须是消息列表，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a list of texts, not {value}</source>
        <translation>{name} 必须是文本列表，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a GBNF grammar of 1 to {high:,} characters, not {value}</source>
        <translation>{name} 必须是 1 到 {high:,} 个字符的 GBNF 语法，而不是 {value}</translation>
    </message>
    <message>
        <source>The model {name} is not in the library. Available: {available}.</source>
        <translation>模型 {name} 不在模型库中。可用的模型：{available}。</translation>
    </message>
    <message>
        <source>The license policy blocks {name}: {reasons}</source>
        <translation>许可证策略禁止使用 {name}：{reasons}</translation>
    </message>
    <message>
        <source>{name} is busy: every slot and the queue behind them are taken. Try again shortly.</source>
        <translation>{name} 正忙：所有槽位和其后的队列都已占满。请稍后再试。</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low:,} to {high:,}, not {value}</source>
        <translation>{name} 必须是 {low:,} 到 {high:,} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a number from {low} to {high}, not {value}</source>
        <translation>{name} 必须是 {low} 到 {high} 之间的数字，而不是 {value}</translation>
    </message>
    <message>
        <source>The license audit failed; a person must review it before use.</source>
        <translation>许可证审查失败；使用前必须由人工审核。</translation>
    </message>
    <message>
        <source>{name} needs a license review before use: {reasons}</source>
        <translation>{name} 在使用前需要人工审核许可证：{reasons}</translation>
    </message>
    <message>
        <source>Serving on {host} lets other machines reach your models: create an API key first (hangar-cli keys create NAME) or give --api-key-file.</source>
        <translation>在 {host} 上提供服务会让其他机器访问你的模型：请先创建 API 密钥（hangar-cli keys create 名称）或指定 --api-key-file。</translation>
    </message>
    <message>
        <source>The API key file {path} cannot be read: {error}</source>
        <translation>无法读取 API 密钥文件 {path}：{error}</translation>
    </message>
    <message>
        <source>The API key file {path} is not a Hangar key file.</source>
        <translation>API 密钥文件 {path} 不是 Hangar 的密钥文件。</translation>
    </message>
    <message>
        <source>A key needs a name of 1 to {limit} characters.</source>
        <translation>密钥需要一个 1 到 {limit} 个字符的名称。</translation>
    </message>
    <message>
        <source>There is already a key named {name}.</source>
        <translation>已有名为 {name} 的密钥。</translation>
    </message>
    <message>
        <source>There is no key named {name}.</source>
        <translation>没有名为 {name} 的密钥。</translation>
    </message>
    <message>
        <source>The API key file {path} holds no key.</source>
        <translation>API 密钥文件 {path} 中没有密钥。</translation>
    </message>
    <message>
        <source>The grammar could not be parsed (GBNF with a rule named root is expected).</source>
        <translation>无法解析该语法（需要包含名为 root 的规则的 GBNF 语法）。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>About Hangar</source>
        <translation>关于 Hangar</translation>
    </message>
    <message>
        <source>Hangar {0}</source>
        <translation>Hangar {0}</translation>
    </message>
    <message>
        <source>Runs open-weight language models on your own machines: find GGUF models on the Hugging Face Hub, download them, chat, benchmark and check their licenses. Weights and conversations stay on this machine.</source>
        <translation>在您自己的机器上运行开放权重的语言模型：在 Hugging Face Hub 上查找 GGUF 模型，下载、对话、基准测试并检查其许可证。权重和对话内容始终留在本机。</translation>
    </message>
    <message>
        <source>Hangar is free software under the {0} license.</source>
        <translation>Hangar 是采用 {0} 许可证的自由软件。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本信息</translation>
    </message>
    <message>
        <source>llama.cpp build: asking the library…</source>
        <translation>llama.cpp 构建：正在查询库…</translation>
    </message>
    <message>
        <source>Bundled component</source>
        <translation>捆绑组件</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Bundled components and their licenses</source>
        <translation>捆绑的组件及其许可证</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
    <message>
        <source>Copy the versions to the clipboard, for a bug report</source>
        <translation>将版本信息复制到剪贴板，便于提交问题报告</translation>
    </message>
    <message>
        <source>llama.cpp build: {0}</source>
        <translation>llama.cpp 构建：{0}</translation>
    </message>
    <message>
        <source>llama.cpp build: it did not answer ({0})</source>
        <translation>llama.cpp 构建：没有应答（{0}）</translation>
    </message>
</context>
<context>
    <name>BenchControls</name>
    <message>
        <source>What to run</source>
        <translation>测试内容</translation>
    </message>
    <message>
        <source>Model to benchmark</source>
        <translation>要测试的模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Settings (llama-bench defaults)</source>
        <translation>参数（llama-bench 默认值）</translation>
    </message>
    <message>
        <source>one per physical core</source>
        <translation>每个物理核心一个</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>LocalScore suite instead</source>
        <translation>改用 LocalScore 测试套件</translation>
    </message>
    <message>
        <source>Nine prompt+generation shapes with time to first token and LocalScore&apos;s score, instead of pp/tg</source>
        <translation>九种“提示词 + 生成”组合，测量首个 token 延迟并给出 LocalScore 分数，代替 pp/tg 测试</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词 token 数</translation>
    </message>
    <message>
        <source>Generated tokens</source>
        <translation>生成 token 数</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Price per hour</source>
        <translation>每小时价格</translation>
    </message>
    <message>
        <source>or purchase price</source>
        <translation>或购买价格</translation>
    </message>
    <message>
        <source>over lifetime (hours)</source>
        <translation>使用寿命（小时）</translation>
    </message>
    <message>
        <source>Electricity per kWh</source>
        <translation>每 kWh 电价</translation>
    </message>
    <message>
        <source>Power draw (W), if not measured</source>
        <translation>功耗（W，未实测时使用）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>mixture-of-experts</source>
        <translation>混合专家</translation>
    </message>
    <message>
        <source>small</source>
        <translation>小型</translation>
    </message>
    <message>
        <source>Synthetic {0} shape, {1} (no download)</source>
        <translation>合成 {0} 结构，{1}（无需下载）</translation>
    </message>
</context>
<context>
    <name>BenchmarkPane</name>
    <message>
        <source>[synthetic weights]</source>
        <translation>[合成权重]</translation>
    </message>
    <message>
        <source>{0} thread</source>
        <translation>{0} 个线程</translation>
    </message>
    <message>
        <source>{0} threads</source>
        <translation>{0} 个线程</translation>
    </message>
    <message>
        <source>Benchmark this machine</source>
        <translation>测试本机性能</translation>
    </message>
    <message>
        <source>Press the button: Hangar picks the best runtime and a model that fits.</source>
        <translation>按下按钮：Hangar 会选择最合适的运行时和一个放得下的模型。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>无法测量</translation>
    </message>
    <message>
        <source>Cost / million tokens</source>
        <translation>成本 / 百万 token</translation>
    </message>
    <message>
        <source>Results of this run</source>
        <translation>本次运行的结果</translation>
    </message>
    <message>
        <source>This run / comparison</source>
        <translation>本次运行 / 对比</translation>
    </message>
    <message>
        <source>History over time</source>
        <translation>历史趋势</translation>
    </message>
    <message>
        <source>History: select runs to compare them</source>
        <translation>历史记录：选择多次运行进行对比</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>pp t/s</source>
        <translation>pp t/s</translation>
    </message>
    <message>
        <source>tg t/s</source>
        <translation>tg t/s</translation>
    </message>
    <message>
        <source>History of runs</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Running {0}</source>
        <translation>正在运行 {0}</translation>
    </message>
    <message>
        <source>Running it anyway may fail, or make this computer very slow while it swaps; its numbers would not say much.</source>
        <translation>仍然运行可能会失败，或者让这台电脑因使用交换空间而变得很慢；得到的数字也说明不了太多。</translation>
    </message>
    <message>
        <source>Model too large</source>
        <translation>模型太大</translation>
    </message>
    <message>
        <source>Run anyway</source>
        <translation>仍然运行</translation>
    </message>
    <message>
        <source>Finished: run #{0} is stored in the history.</source>
        <translation>完成：第 {0} 次运行已保存到历史记录。</translation>
    </message>
    <message>
        <source>{0:.4f} {1} ({2} energy)</source>
        <translation>{0:.4f} {1}（能耗：{2}）</translation>
    </message>
    <message>
        <source>enter prices</source>
        <translation>请输入价格</translation>
    </message>
    <message>
        <source>LocalScore {0:.0f}</source>
        <translation>LocalScore {0:.0f}</translation>
    </message>
    <message>
        <source>time to first token {0:.0f} ms</source>
        <translation>首个 token 延迟 {0:.0f} ms</translation>
    </message>
    <message>
        <source>peak memory {0:.0f} MiB</source>
        <translation>峰值内存 {0:.0f} MiB</translation>
    </message>
    <message>
        <source>energy not measurable here: {0}</source>
        <translation>此处无法测量能耗：{0}</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>entered power</source>
        <translation>按输入功率估算</translation>
    </message>
    <message>
        <source>no</source>
        <translation>未计</translation>
    </message>
    <message>
        <source>Comparing {0} runs</source>
        <translation>正在对比 {0} 次运行</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Pick a model from the library and load it.</source>
        <translation>从模型库中选择一个模型并加载。</translation>
    </message>
    <message>
        <source>Links in replies are not opened. The link was: {0}</source>
        <translation>回复中的链接不会被打开。该链接为：{0}</translation>
    </message>
    <message>
        <source>Editing a message: Send replaces it and continues the conversation from there.</source>
        <translation>正在编辑消息：点击发送将替换它，并从此处继续对话。</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Message (Ctrl+Enter sends, Esc stops)</source>
        <translation>消息（Ctrl+Enter 发送，Esc 停止）</translation>
    </message>
    <message>
        <source>Reply statistics</source>
        <translation>回复统计</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Regenerate the last reply</source>
        <translation>重新生成最后一条回复</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新建对话</translation>
    </message>
    <message>
        <source>The context size changes to {0} tokens when you load the model again.</source>
        <translation>重新加载模型后，上下文大小将变为 {0} 个 token。</translation>
    </message>
    <message>
        <source>Waiting for the first token…</source>
        <translation>正在等待第一个 token…</translation>
    </message>
    <message>
        <source>{0} tokens · {1:.1f} tokens/s · first token {2:.0f} ms · context {3} / {4}</source>
        <translation>{0} 个 token · {1:.1f} token/秒 · 首个 token {2:.0f} ms · 上下文 {3} / {4}</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} token/秒</translation>
    </message>
    <message>
        <source>first token {0:.0f} ms</source>
        <translation>首个 token {0:.0f} ms</translation>
    </message>
    <message>
        <source>context {0} / {1}</source>
        <translation>上下文 {0} / {1}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>reached the token limit</source>
        <translation>达到 token 上限</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>the context is full</source>
        <translation>上下文已满</translation>
    </message>
    <message>
        <source>{0} tokens</source>
        <translation>{0} 个 token</translation>
    </message>
    <message>
        <source>{0} oldest turn(s) left out to fit the context (the system prompt is always kept)</source>
        <translation>为适应上下文，省略了最早的 {0} 轮对话（系统提示词始终保留）</translation>
    </message>
    <message>
        <source>The conversation and the reply so far are saved. Press Load to start the model again.</source>
        <translation>会话及目前为止的回复已保存。按“加载”重新启动模型。</translation>
    </message>
    <message>
        <source>Code copied to the clipboard.</source>
        <translation>代码已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Message copied to the clipboard.</source>
        <translation>消息已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Wait for the reply to finish, or stop it, first.</source>
        <translation>请先等待回复完成，或将其停止。</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索会话</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会话列表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名会话</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>A reply is still being written here. Stop it first.</source>
        <translation>此处仍在生成回复，请先停止。</translation>
    </message>
    <message>
        <source>Delete “{0}” and all its messages?</source>
        <translation>删除“{0}”及其所有消息？</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>导出会话</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>DiscoverPane</name>
    <message>
        <source>Search GGUF models on the Hugging Face Hub (e.g. qwen3, 7b, instruct)</source>
        <translation>在 Hugging Face Hub 上搜索 GGUF 模型（例如 qwen3、7b、instruct）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Most downloaded</source>
        <translation>下载最多</translation>
    </message>
    <message>
        <source>Most liked</source>
        <translation>点赞最多</translation>
    </message>
    <message>
        <source>Trending</source>
        <translation>热门趋势</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Author (optional)</source>
        <translation>作者（可选）</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>(gated)</source>
        <translation>（需授权）</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search the Hub, or pick a family above.</source>
        <translation>搜索 Hub，或选择上方的模型系列。</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Pick a model</source>
        <translation>选择一个模型</translation>
    </message>
    <message>
        <source>Its quantisations appear here with their size and whether each fits this machine, before anything is downloaded.</source>
        <translation>在下载任何内容之前，这里会列出它的各个量化版本、文件大小，以及本机能否运行。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>{0} repositories</source>
        <translation>{0} 个仓库</translation>
    </message>
    <message>
        <source>No GGUF repositories match.</source>
        <translation>没有匹配的 GGUF 仓库。</translation>
    </message>
    <message>
        <source>Reading the repository and the model&apos;s header…</source>
        <translation>正在读取仓库和模型文件头…</translation>
    </message>
    <message>
        <source>Queuing {0}…</source>
        <translation>正在将 {0} 加入队列…</translation>
    </message>
    <message>
        <source>{0} is downloading: follow it in the Library.</source>
        <translation>{0} 正在下载：可在“模型库”中查看进度。</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Paste an access token (it is kept in the system keyring):</source>
        <translation>粘贴访问令牌（它保存在系统密钥环中）：</translation>
    </message>
</context>
<context>
    <name>DownloadsView</name>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>failed verification</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source> Details are in {0}.</source>
        <translation>详细信息见 {0}。</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>出现问题：{0}</translation>
    </message>
    <message>
        <source>Hangar keeps running; your data was not changed.</source>
        <translation>Hangar 仍在正常运行，您的数据没有被更改。</translation>
    </message>
    <message>
        <source>Hangar: error</source>
        <translation>Hangar：错误</translation>
    </message>
</context>
<context>
    <name>HardwarePane</name>
    <message>
        <source>{0} free of {1}</source>
        <translation>可用 {0} / 共 {1}</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Processor, memory and disk</source>
        <translation>处理器、内存和磁盘</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Instruction sets</source>
        <translation>指令集</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk for models</source>
        <translation>模型所在磁盘</translation>
    </message>
    <message>
        <source>llama.cpp runtimes</source>
        <translation>llama.cpp 运行时</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>llama-cpp-python</source>
        <translation>llama-cpp-python</translation>
    </message>
    <message>
        <source>Devices it sees</source>
        <translation>识别到的设备</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Compute capability</source>
        <translation>计算能力</translation>
    </message>
    <message>
        <source>NVIDIA GPUs</source>
        <translation>NVIDIA GPU</translation>
    </message>
    <message>
        <source>NPU</source>
        <translation>NPU</translation>
    </message>
    <message>
        <source>Memory (HBM)</source>
        <translation>显存（HBM）</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报告</translation>
    </message>
    <message>
        <source>CANN</source>
        <translation>CANN</translation>
    </message>
    <message>
        <source>Huawei Ascend NPUs</source>
        <translation>华为昇腾 NPU</translation>
    </message>
    <message>
        <source>Detecting hardware and runtimes…</source>
        <translation>正在检测硬件和运行时…</translation>
    </message>
    <message>
        <source>Detection failed: {0}</source>
        <translation>检测失败：{0}</translation>
    </message>
    <message>
        <source>{0}: {1} physical cores, {2} threads ({3})</source>
        <translation>{0}：{1} 个物理核心，{2} 个线程（{3}）</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>未检测到</translation>
    </message>
    <message>
        <source>{0} available of {1}</source>
        <translation>可用 {0} / 共 {1}</translation>
    </message>
    <message>
        <source>{0} free in {1}</source>
        <translation>{1} 中可用 {0}</translation>
    </message>
    <message>
        <source>No NVIDIA GPU: {0}</source>
        <translation>没有 NVIDIA GPU：{0}</translation>
    </message>
    <message>
        <source>No Ascend NPU: {0}</source>
        <translation>没有昇腾 NPU：{0}</translation>
    </message>
    <message>
        <source> CANN toolkit {0} found.</source>
        <translation>已找到 CANN 工具包 {0}。</translation>
    </message>
    <message>
        <source>Add {0}:</source>
        <translation>添加 {0}：</translation>
    </message>
    <message>
        <source>Command to add the {0} runtime</source>
        <translation>添加 {0} 运行时的命令</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>Speed over time (run number on the horizontal axis)</source>
        <translation>速度变化趋势（横轴为运行序号）</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>还没有运行记录</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <source>prompt processing</source>
        <translation>提示词处理</translation>
    </message>
    <message>
        <source>generation</source>
        <translation>生成</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Import file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Find models from other apps</source>
        <translation>查找其他应用中的模型</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>(synthetic weights)</source>
        <translation>（合成权重）</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Models on this machine</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Download one from Discover, import GGUF files you already have, or let Hangar find models in the Hugging Face cache and Ollama. Models are kept in {0}.</source>
        <translation>可以在“发现”中下载模型、导入已有的 GGUF 文件，或让 Hangar 在 Hugging Face 缓存和 Ollama 中查找模型。模型保存在 {0}。</translation>
    </message>
    <message>
        <source>Import a GGUF model</source>
        <translation>导入 GGUF 模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Import every GGUF model in a folder</source>
        <translation>导入文件夹中的所有 GGUF 模型</translation>
    </message>
    <message>
        <source>Reading {0} (hashing large files takes a moment)…</source>
        <translation>正在读取 {0}（计算大文件的哈希需要一些时间）…</translation>
    </message>
    <message>
        <source>Added {0} model(s).</source>
        <translation>已添加 {0} 个模型。</translation>
    </message>
    <message>
        <source>Refused {0}: {1}</source>
        <translation>未添加 {0}：{1}</translation>
    </message>
    <message>
        <source>Looking in the Hugging Face cache and Ollama&apos;s store…</source>
        <translation>正在查找 Hugging Face 缓存和 Ollama 存储…</translation>
    </message>
    <message>
        <source>Found {0} in the Hugging Face cache and {1} from Ollama; they stay where they are.</source>
        <translation>在 Hugging Face 缓存中找到 {0} 个，在 Ollama 中找到 {1} 个；它们保留在原位置。</translation>
    </message>
    <message>
        <source>Delete {0} and its file ({1:.2f} GiB)? This frees the disk space and cannot be undone.</source>
        <translation>删除 {0} 及其文件（{1:.2f} GiB）？这将释放磁盘空间，且无法撤销。</translation>
    </message>
    <message>
        <source>Remove {0} from the library? Its file ({1:.2f} GiB) belongs to another app or folder and stays on disk.</source>
        <translation>从模型库中移除 {0}？其文件（{1:.2f} GiB）属于其他应用或文件夹，将保留在磁盘上。</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Removed {0}; freed {1:.2f} GiB.</source>
        <translation>已移除 {0}，释放了 {1:.2f} GiB。</translation>
    </message>
</context>
<context>
    <name>LicenseCard</name>
    <message>
        <source>Policy verdict</source>
        <translation>政策结论</translation>
    </message>
    <message>
        <source>Full text…</source>
        <translation>全文…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Not legal advice: a summary checked against your policy. Read the full text before relying on it.</source>
        <translation>不构成法律建议：这是按照您的政策检查后的摘要。在依赖它之前，请阅读许可证全文。</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>需审查</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Why: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <source>Duties:</source>
        <translation>义务：</translation>
    </message>
    <message>
        <source>user cap {0:,} monthly active users</source>
        <translation>用户上限：月活跃用户 {0:,}</translation>
    </message>
    <message>
        <source>not for use in {0}</source>
        <translation>不得在 {0} 使用</translation>
    </message>
    <message>
        <source>training other models on outputs: {0}</source>
        <translation>用输出训练其他模型：{0}</translation>
    </message>
    <message>
        <source>acceptable-use policy applies</source>
        <translation>须遵守可接受使用政策</translation>
    </message>
    <message>
        <source>Terms: {0}</source>
        <translation>条款：{0}</translation>
    </message>
    <message>
        <source>Confidence: {0}. Evidence: {1}</source>
        <translation>置信度：{0}。依据：{1}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>all fields</source>
        <translation>所有字段</translation>
    </message>
    <message>
        <source>Hangar&apos;s facts about this license were not checked against its text: {0}.</source>
        <translation>Hangar 关于此许可证的信息尚未与其原文核对：{0}。</translation>
    </message>
    <message>
        <source>Source: {0} ({1})</source>
        <translation>来源：{0}（{1}）</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>License text</source>
        <translation>许可证原文</translation>
    </message>
</context>
<context>
    <name>LicensesPane</name>
    <message>
        <source>Edit policy…</source>
        <translation>编辑政策…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import policy</source>
        <translation>导入政策</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export policy</source>
        <translation>导出政策</translation>
    </message>
    <message>
        <source>Check a Hub repository before downloading, e.g. Qwen/Qwen3-8B-GGUF</source>
        <translation>下载前检查 Hub 仓库，例如 Qwen/Qwen3-8B-GGUF</translation>
    </message>
    <message>
        <source>Hub repository</source>
        <translation>Hub 仓库</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Audit report…</source>
        <translation>审查报告…</translation>
    </message>
    <message>
        <source>AI bill of materials…</source>
        <translation>AI 物料清单…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source> (Hub)</source>
        <translation>（Hub）</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Openness</source>
        <translation>开放程度</translation>
    </message>
    <message>
        <source>Models and their licenses</source>
        <translation>模型及其许可证</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Openness by component</source>
        <translation>各组件的开放程度</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>review</source>
        <translation>需审查</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Reading the licenses of the local models…</source>
        <translation>正在读取本地模型的许可证…</translation>
    </message>
    <message>
        <source>No local models yet. Check a Hub repository above, or download or import a model.</source>
        <translation>还没有本地模型。可以在上方检查 Hub 仓库，或下载、导入一个模型。</translation>
    </message>
    <message>
        <source>{0} allowed · {1} to review · {2} blocked, by the policy “{3}”. Not legal advice.</source>
        <translation>按照政策“{3}”：{0} 个允许 · {1} 个需审查 · {2} 个禁止。不构成法律建议。</translation>
    </message>
    <message>
        <source>Openness (Model Openness Framework): {0}.</source>
        <translation>开放程度（模型开放框架）：{0}。</translation>
    </message>
    <message>
        <source>Missing for the next class: {0}.</source>
        <translation>达到更高一级还缺少：{0}。</translation>
    </message>
    <message>
        <source>Reading {0} on the Hub…</source>
        <translation>正在 Hub 上读取 {0}…</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
    <message>
        <source>Our policy</source>
        <translation>我们的策略</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Policy “{0}”: commercial use {1}; operates in {2}; largest user base {3}; attribution {4}; research-only {5}; trains on outputs {6}.</source>
        <translation>政策“{0}”：商业使用：{1}；运营地区：{2}；最大用户规模：{3}；署名：{4}；仅限研究：{5}；用输出训练模型：{6}。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>(no territory set)</source>
        <translation>（未设置地区）</translation>
    </message>
    <message>
        <source>acceptable</source>
        <translation>可接受</translation>
    </message>
    <message>
        <source>not acceptable</source>
        <translation>不可接受</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(The saved policy could not be read, so the default is used: {0})</source>
        <translation>（无法读取已保存的政策，因此使用默认政策：{0}）</translation>
    </message>
    <message>
        <source>Import a license policy</source>
        <translation>导入许可证政策</translation>
    </message>
    <message>
        <source>Policy (*.json)</source>
        <translation>政策 (*.json)</translation>
    </message>
    <message>
        <source>Export the license policy</source>
        <translation>导出许可证政策</translation>
    </message>
    <message>
        <source>Save the audit report</source>
        <translation>保存审查报告</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Save the AI bill of materials</source>
        <translation>保存 AI 物料清单</translation>
    </message>
    <message>
        <source>CycloneDX JSON (*.json)</source>
        <translation>CycloneDX JSON (*.json)</translation>
    </message>
    <message>
        <source>AI bill of materials</source>
        <translation>AI 物料清单</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hangar</source>
        <translation>Hangar</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>Hangar {0} · data in {1}</source>
        <translation>Hangar {0} · 数据位于 {1}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the search field of this pane (Discover when it has none)</source>
        <translation>转到当前面板的搜索框（没有搜索框时转到“发现”）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About Hangar</source>
        <translation>关于 Hangar(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>This pane could not be opened</source>
        <translation>无法打开此面板</translation>
    </message>
    <message>
        <source>The server did not start: {0}</source>
        <translation>服务器未能启动：{0}</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消加载</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <source> (synthetic weights)</source>
        <translation>（合成权重）</translation>
    </message>
    <message>
        <source>No models yet: download one in Discover or import a GGUF file in the Library.</source>
        <translation>还没有模型：请在“发现”中下载一个，或在“模型库”中导入 GGUF 文件。</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <source>Cancelling the load…</source>
        <translation>正在取消加载…</translation>
    </message>
    <message>
        <source>its own chat template (from the GGUF file)</source>
        <translation>自带的对话模板（来自 GGUF 文件）</translation>
    </message>
    <message>
        <source>no chat template of its own, so Hangar uses the ChatML format, which may not suit it</source>
        <translation>没有自带对话模板，因此 Hangar 使用 ChatML 格式，可能不完全适合该模型</translation>
    </message>
    <message>
        <source>{0} is loaded on {1} via the {2} runtime, {3} tokens of context. It has {4}.</source>
        <translation>{0} 已通过 {2} 运行时加载到 {1}，上下文 {3} 个 token。它使用{4}。</translation>
    </message>
    <message>
        <source>It runs on the CPU because the accelerator failed: {0}</source>
        <translation>由于加速器出错，它在 CPU 上运行：{0}</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <source>Loading it anyway may fail, or make this computer very slow while it swaps.</source>
        <translation>仍然加载可能会失败，或者让这台电脑因使用交换空间而变得很慢。</translation>
    </message>
    <message>
        <source>Model too large</source>
        <translation>模型太大</translation>
    </message>
    <message>
        <source>Load anyway</source>
        <translation>仍然加载</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>New API key</source>
        <translation>新的 API 密钥</translation>
    </message>
    <message>
        <source>The key {0} is shown only now: copy it and keep it safe. Hangar stores only a hash of it and cannot show it again.</source>
        <translation>密钥 {0} 只在此时显示：请复制并妥善保管。Hangar 只保存它的哈希值，无法再次显示。</translation>
    </message>
    <message>
        <source>The new API key</source>
        <translation>新的 API 密钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>Discover</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准测试</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Optional instructions the model reads before the conversation</source>
        <translation>可选：模型在对话开始前读取的指令</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Seed (-1: random)</source>
        <translation>随机种子（-1：随机）</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>上下文大小（token）</translation>
    </message>
    <message>
        <source>Parameters are saved with the conversation. A new context size applies when the model is next loaded.</source>
        <translation>参数随会话一起保存。新的上下文大小在下次加载模型时生效。</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Precise (deterministic)</source>
        <translation>精确（确定性）</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>创意</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>预设名称：</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>License policy</source>
        <translation>许可证政策</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>政策名称</translation>
    </message>
    <message>
        <source>We use models commercially</source>
        <translation>我们将模型用于商业用途</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>运营地区</translation>
    </message>
    <message>
        <source>Where you operate: ISO country codes or EU, e.g. EU, GB, US</source>
        <translation>运营所在地：ISO 国家代码或 EU，例如 EU、GB、US</translation>
    </message>
    <message>
        <source>Our largest product may reach</source>
        <translation>我们最大的产品可能达到</translation>
    </message>
    <message>
        <source>Monthly active users</source>
        <translation>月活跃用户数</translation>
    </message>
    <message>
        <source> monthly active users</source>
        <translation> 月活跃用户</translation>
    </message>
    <message>
        <source>We can show attribution (&quot;Built with …&quot;) and follow naming rules</source>
        <translation>我们可以注明署名（如“基于 … 构建”）并遵守命名规则</translation>
    </message>
    <message>
        <source>Research-only licenses are acceptable</source>
        <translation>可以接受仅限研究的许可证</translation>
    </message>
    <message>
        <source>We train other models on the outputs</source>
        <translation>我们会用输出训练其他模型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>RepoView</name>
    <message>
        <source>This repository is gated: accept its terms on the Hub, then add your Hugging Face token.</source>
        <translation>此仓库需要授权：请先在 Hub 上接受其条款，然后添加您的 Hugging Face 令牌。</translation>
    </message>
    <message>
        <source>Enter token…</source>
        <translation>输入令牌…</translation>
    </message>
    <message>
        <source>Quantisations and their fit</source>
        <translation>量化版本及其适配情况</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>模型卡片</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>License: {0}   ·   Base model: {1}   ·   Revision {2}</source>
        <translation>许可证：{0}   ·   基础模型：{1}   ·   修订版本 {2}</translation>
    </message>
    <message>
        <source>Recommended for this machine: {0}</source>
        <translation>本机推荐：{0}</translation>
    </message>
    <message>
        <source>Fit from file sizes only: {0}</source>
        <translation>仅根据文件大小估算：{0}</translation>
    </message>
    <message>
        <source>Ignored unsafe file names: {0}</source>
        <translation>已忽略不安全的文件名：{0}</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>分片数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>*This repository has no model card.*</source>
        <translation>*此仓库没有模型卡片。*</translation>
    </message>
    <message>
        <source>✓ fits</source>
        <translation>✓ 可容纳</translation>
    </message>
    <message>
        <source>~ tight</source>
        <translation>~ 勉强</translation>
    </message>
    <message>
        <source>✗ too big</source>
        <translation>✗ 过大</translation>
    </message>
    <message>
        <source>Blocked by your license policy</source>
        <translation>被您的许可证政策禁止</translation>
    </message>
    <message>
        <source>{0} is blocked by your organisation&apos;s license policy:

{1}

Download it anyway?</source>
        <translation>{0} 被您所在组织的许可证政策禁止：

{1}

仍要下载吗？</translation>
    </message>
    <message>
        <source>Not downloaded: the license policy blocks this model.</source>
        <translation>未下载：许可证政策禁止此模型。</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <source>Speed (mean ± standard deviation over repetitions)</source>
        <translation>速度（多次重复的平均值 ± 标准差）</translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation>还没有结果</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>127.0.0.1: only this computer. Any other address lets other machines connect, and needs an API key.</source>
        <translation>127.0.0.1：仅限本机。其他任何地址都允许其他机器连接，并且需要 API 密钥。</translation>
    </message>
    <message>
        <source>any free</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Requests each model decodes together; more wait in a queue.</source>
        <translation>每个模型同时解码的请求数；更多的请求在队列中等待。</translation>
    </message>
    <message>
        <source>Context size in tokens of each served model, shared by its parallel requests.</source>
        <translation>每个服务模型的上下文大小（token 数），由其并行请求共享。</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Pa&amp;rallel:</source>
        <translation>并行数(&amp;R)：</translation>
    </message>
    <message>
        <source>Conte&amp;xt:</source>
        <translation>上下文(&amp;X)：</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start the server with Hangar</source>
        <translation>随 Hangar 启动服务器</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <source>Models the server offers</source>
        <translation>服务器提供的模型</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Name of a new key</source>
        <translation>新密钥的名称</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Example with curl</source>
        <translation>使用 curl 的示例</translation>
    </message>
    <message>
        <source>Example with the openai Python package</source>
        <translation>使用 openai Python 包的示例</translation>
    </message>
    <message>
        <source>Copy example</source>
        <translation>复制示例</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词 token 数</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>生成 token 数</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>{0:.0f} ms</source>
        <translation>{0:.0f} 毫秒</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>The log keeps counts and speeds, never the text of a prompt or a reply.</source>
        <translation>日志只记录数量和速度，从不记录提示词或回复的文本。</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>busy: {0} running, {1} waiting</source>
        <translation>忙碌：{0} 个运行中，{1} 个等待中</translation>
    </message>
    <message>
        <source>idle (unloaded)</source>
        <translation>空闲（已卸载）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Not started: create an API key first, or serve on 127.0.0.1.</source>
        <translation>未启动：请先创建 API 密钥，或在 127.0.0.1 上提供服务。</translation>
    </message>
    <message>
        <source>Serving at {0}: the OpenAI-compatible API is at {0}/v1.</source>
        <translation>正在 {0} 提供服务：OpenAI 兼容的 API 位于 {0}/v1。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Stopping: finishing the requests and unloading the models…</source>
        <translation>正在停止：完成当前请求并卸载模型…</translation>
    </message>
    <message>
        <source>The server is stopped.</source>
        <translation>服务器已停止。</translation>
    </message>
    <message>
        <source>The server did not start: {0}</source>
        <translation>服务器未能启动：{0}</translation>
    </message>
    <message>
        <source>Serving on {0} lets other machines reach your models: create an API key below first. Without one, Hangar serves only on 127.0.0.1.</source>
        <translation>在 {0} 上提供服务会让其他机器访问你的模型：请先在下方创建 API 密钥。没有密钥时，Hangar 只在 127.0.0.1 上提供服务。</translation>
    </message>
    <message>
        <source>Other machines can reach the server on {0}; every request needs an API key.</source>
        <translation>其他机器可以通过 {0} 访问服务器；每个请求都需要 API 密钥。</translation>
    </message>
    <message>
        <source>API keys exist, so every request needs one (Authorization: Bearer followed by the key).</source>
        <translation>已存在 API 密钥，因此每个请求都需要密钥（Authorization: Bearer 后接密钥）。</translation>
    </message>
    <message>
        <source>Add a model to the library first: the server offers every model there.</source>
        <translation>请先向模型库添加模型：服务器会提供库中的所有模型。</translation>
    </message>
    <message>
        <source>Start the server, then run this in a terminal.</source>
        <translation>启动服务器后，在终端中运行此命令。</translation>
    </message>
    <message>
        <source>Set HANGAR_API_KEY to one of your keys first.</source>
        <translation>请先将 HANGAR_API_KEY 设置为你的某个密钥。</translation>
    </message>
    <message>
        <source>Run this in a terminal; the request appears in the log below.</source>
        <translation>在终端中运行此命令；请求会出现在下方的日志中。</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Revoke the key {0}? Programs that use it can no longer reach the server.</source>
        <translation>吊销密钥 {0}？使用它的程序将无法再访问服务器。</translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>Open the folder of the log file</source>
        <translation>打开日志文件所在的文件夹</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <source>Automatic ({0}, one per physical core)</source>
        <translation>自动（{0}，每个物理核心一个）</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>If a model cannot load on the GPU or NPU, load it on the CPU and say why</source>
        <translation>如果模型无法在 GPU 或 NPU 上加载，则改在 CPU 上加载并说明原因</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language takes effect after you restart Hangar.</source>
        <translation>新的语言将在重新启动 Hangar 后生效。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>Set token…</source>
        <translation>设置令牌…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Nothing is sent anywhere without your consent: Hangar contacts the Hugging Face Hub only when you search it, open a repository, check a repository&apos;s license or download.</source>
        <translation>未经您同意，任何数据都不会被发送：Hangar 仅在您搜索、打开仓库、检查仓库许可证或下载时才会连接 Hugging Face Hub。</translation>
    </message>
    <message>
        <source>The token comes from the HF_TOKEN environment variable, which wins over the keyring. To change it, change or unset HF_TOKEN and restart Hangar.</source>
        <translation>令牌来自 HF_TOKEN 环境变量，它优先于密钥环。要更改它，请修改或取消设置 HF_TOKEN，然后重新启动 Hangar。</translation>
    </message>
    <message>
        <source>A token is stored in the system keyring (needed for gated models).</source>
        <translation>令牌已保存在系统密钥环中（下载需授权的模型时需要）。</translation>
    </message>
    <message>
        <source>No token: public models only. Gated models need one.</source>
        <translation>没有令牌：只能下载公开模型。需授权的模型需要令牌。</translation>
    </message>
    <message>
        <source>Hugging Face token</source>
        <translation>Hugging Face 令牌</translation>
    </message>
    <message>
        <source>Paste an access token (it is kept in the system keyring):</source>
        <translation>粘贴访问令牌（它保存在系统密钥环中）：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <source>Write the last reply again</source>
        <translation>重新生成最后一条回复</translation>
    </message>
    <message>
        <source>Show the {0} pane</source>
        <translation>显示“{0}”面板</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>These keys work in Hangar&apos;s window:</source>
        <translation>以下按键可在 Hangar 窗口中使用：</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
</context>
<context>
    <name>StartupErrorDialog</name>
    <message>
        <source>Hangar cannot open its database</source>
        <translation>Hangar 无法打开其数据库</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Move it aside and start fresh</source>
        <translation>将其移到一旁并重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Conversation transcript</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Hangar user guide</source>
        <translation>Hangar 用户指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The user guide is not included in this copy of Hangar.</source>
        <translation>此 Hangar 副本中未包含用户指南。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Hangar</source>
        <translation>欢迎使用 Hangar</translation>
    </message>
    <message>
        <source>Hangar runs open-weight language models on this computer. Here is what it found, and a good model to start with.</source>
        <translation>Hangar 在这台计算机上运行开放权重的语言模型。以下是它检测到的硬件，以及一个适合入门的模型。</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Detecting…</source>
        <translation>正在检测…</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>NVIDIA GPUs</source>
        <translation>NVIDIA GPU</translation>
    </message>
    <message>
        <source>Ascend NPUs</source>
        <translation>昇腾 NPU</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Detecting the llama.cpp runtimes…</source>
        <translation>正在检测 llama.cpp 运行时…</translation>
    </message>
    <message>
        <source>Show in Hardware</source>
        <translation>在“硬件”中查看</translation>
    </message>
    <message>
        <source>A first model</source>
        <translation>第一个模型</translation>
    </message>
    <message>
        <source>Chosen once the memory is known…</source>
        <translation>确定内存大小后即可推荐…</translation>
    </message>
    <message>
        <source>Find it in Discover</source>
        <translation>在“发现”中查找</translation>
    </message>
    <message>
        <source>Where models are kept</source>
        <translation>模型保存位置</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Change the models folder</source>
        <translation>更改模型文件夹</translation>
    </message>
    <message>
        <source>Nothing is sent anywhere without your consent: Hangar contacts the Hugging Face Hub only when you search it, open a repository, check a repository&apos;s license or download.</source>
        <translation>未经您同意，任何数据都不会被发送：Hangar 仅在您搜索、打开仓库、检查仓库许可证或下载时才会连接 Hugging Face Hub。</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <source>Detection failed: {0}</source>
        <translation>检测失败：{0}</translation>
    </message>
    <message>
        <source>Open Discover to find a model.</source>
        <translation>打开“发现”查找模型。</translation>
    </message>
    <message>
        <source>{0}: {1} cores, {2} threads</source>
        <translation>{0}：{1} 核，{2} 线程</translation>
    </message>
    <message>
        <source>{0:.1f} GiB ({1:.1f} GiB available now)</source>
        <translation>{0:.1f} GiB（当前可用 {1:.1f} GiB）</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{0} ({1:.0f} GiB)</source>
        <translation>{0}（{1:.0f} GiB）</translation>
    </message>
    <message>
        <source>No llama.cpp runtime works yet: {0}</source>
        <translation>目前没有可用的 llama.cpp 运行时：{0}</translation>
    </message>
    <message>
        <source>{0}: models run on the processor, in system memory.</source>
        <translation>{0}：模型在处理器上运行，使用系统内存。</translation>
    </message>
    <message>
        <source>{0}: models run on {1}.</source>
        <translation>{0}：模型在 {1} 上运行。</translation>
    </message>
    <message>
        <source>This machine has a device the {0} runtime could use, but that runtime is not ready ({1}). The Hardware pane shows the command that adds it.</source>
        <translation>本机有可供 {0} 运行时使用的设备，但该运行时尚未就绪（{1}）。“硬件”面板中提供了安装它的命令。</translation>
    </message>
    <message>
        <source>It fits: it needs about {0:.1f} GiB of the {1:.1f} GiB free in {2}.</source>
        <translation>放得下：约需 {0:.1f} GiB，{2}中可用 {1:.1f} GiB。</translation>
    </message>
    <message>
        <source>It fits only tightly: it needs about {0:.1f} GiB of the {1:.1f} GiB free in {2}. Close other programs first.</source>
        <translation>勉强放得下：约需 {0:.1f} GiB，{2}中可用 {1:.1f} GiB。请先关闭其他程序。</translation>
    </message>
    <message>
        <source>Even this small model needs about {0:.1f} GiB, and only {1:.1f} GiB is free in {2}. Close other programs first.</source>
        <translation>即使是这个小模型也约需 {0:.1f} GiB，而{2}中只有 {1:.1f} GiB 可用。请先关闭其他程序。</translation>
    </message>
    <message>
        <source>{0}, quantised to {1} (a {2:.1f} GB file) from {3}, license {4}.</source>
        <translation>{0}，{1} 量化（文件约 {2:.1f} GB），来自 {3}，许可证 {4}。</translation>
    </message>
    <message>
        <source>Larger models fit in memory too, but would answer slowly on this processor.</source>
        <translation>更大的模型也能放进内存，但在这个处理器上回答会很慢。</translation>
    </message>
    <message>
        <source>system memory</source>
        <translation>系统内存</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
</TS>
