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
        <source>Quantising the synthetic model failed: {reason}</source>
        <translation>量化合成模型失败：{reason}</translation>
    </message>
    <message>
        <source>Give either a model or a synthetic shape.</source>
        <translation>请指定一个模型或一种合成模型形状。</translation>
    </message>
    <message>
        <source>scoring the reference {file} (its log-probabilities go to {base})</source>
        <translation>正在评估参考模型 {file}（其对数概率写入 {base}）</translation>
    </message>
    <message>
        <source>scoring {file} over {text}</source>
        <translation>正在用 {text} 评估 {file}</translation>
    </message>
    <message>
        <source>computing the SHA-256 of {file} for the record</source>
        <translation>正在计算 {file} 的 SHA-256，用于记录</translation>
    </message>
    <message>
        <source>The perplexity run was cancelled.</source>
        <translation>困惑度测试已取消。</translation>
    </message>
    <message>
        <source>Use a longer text, or a smaller context (--ctx) so that one chunk fits.</source>
        <translation>请使用更长的文本，或更小的上下文（--ctx），使文本至少够一个块。</translation>
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
        <source>using the synthetic model kept in {path} ({size})</source>
        <translation>正在使用保存在 {path} 的合成模型（{size}）</translation>
    </message>
    <message>
        <source>the synthetic model is kept in {path} ({size}) for the next run; Settings can clear the cache</source>
        <translation>合成模型已保存在 {path}（{size}），供下次运行使用；可在“设置”中清除缓存</translation>
    </message>
    <message>
        <source>writing the synthetic {shape} weights (F16, random)</source>
        <translation>正在写入合成的 {shape} 权重（F16，随机）</translation>
    </message>
    <message>
        <source>quantising to {quant} with llama.cpp&apos;s quantiser</source>
        <translation>正在用 llama.cpp 的量化工具量化为 {quant}</translation>
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
        <source>The Ascend 310P runs F16 weights on the NPU; {quant} also uses {types}. Those layers run on the CPU. Prefer an F16 file for a 310P.</source>
        <translation>昇腾 310P 在 NPU 上运行 F16 权重；{quant} 还用到了 {types}。这些层会在 CPU 上运行。在 310P 上请优先选择 F16 文件。</translation>
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
        <source>Nothing was loaded; change that setting.</source>
        <translation>没有加载任何内容；请修改该设置。</translation>
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
        <source>{field} should be an object, not {value}</source>
        <translation>{field} 应为对象，而不是 {value}</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>该文档</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field}</translation>
    </message>
    <message>
        <source>{field} should be {expected}, not {value}</source>
        <translation>{field} 应为{expected}，而不是 {value}</translation>
    </message>
    <message>
        <source>text that is not empty</source>
        <translation>非空文本</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 之一</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的数字</translation>
    </message>
    <message>
        <source>{field} is {value}: it cannot be negative</source>
        <translation>{field} 为 {value}：不能为负数</translation>
    </message>
    <message>
        <source>{field} is 0: it must be more than 0</source>
        <translation>{field} 为 0：必须大于 0</translation>
    </message>
    <message>
        <source>{field} should be a number of at least 0, not {value}</source>
        <translation>{field} 应为不小于 0 的数字，而不是 {value}</translation>
    </message>
    <message>
        <source>an ISO-8601 time with its zone (2025-01-31T09:30:00Z)</source>
        <translation>带时区的 ISO-8601 时间（2025-01-31T09:30:00Z）</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>{field} is empty: it needs at least one entry</source>
        <translation>{field} 为空：至少需要一项</translation>
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
        <source>{quant} is not one of the types this Ascend NPU runs ({types}): about {share:.0%} of the weights would run on the CPU</source>
        <translation>{quant} 不在此昇腾 NPU 支持的类型（{types}）之列：约 {share:.0%} 的权重将在 CPU 上运行</translation>
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
        <source>{file}: {plan}</source>
        <translation>{file}：{plan}</translation>
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
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>perplexity run</source>
        <translation>困惑度测试</translation>
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
        <source>scoring</source>
        <translation>评分</translation>
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
        <source>No license is stated anywhere; only the model&apos;s name, {name}, suggests {license}. Check the license before use.</source>
        <translation>任何地方都没有声明许可证；只有模型名称 {name} 暗示其采用 {license}。使用前请核实许可证。</translation>
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
        <source>model name</source>
        <translation>模型名称</translation>
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
        <source>this user may not read it (ask your administrator to make it readable)</source>
        <translation>当前用户无权读取它（请让管理员将其设为可读）</translation>
    </message>
    <message>
        <source>it is not JSON ({problem})</source>
        <translation>它不是 JSON（{problem}）</translation>
    </message>
    <message>
        <source>it is not a Hangar managed policy (expected &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>它不是 Hangar 托管政策（应有 &quot;format&quot;: &quot;{format}&quot;）</translation>
    </message>
    <message>
        <source>it has version {version}; this Hangar reads version 1</source>
        <translation>它的版本为 {version}；此版本的 Hangar 只能读取版本 1</translation>
    </message>
    <message>
        <source>it has fields Hangar does not know: {names} (a typo would silently weaken the policy)</source>
        <translation>它包含 Hangar 无法识别的字段：{names}（拼写错误会在不知不觉中削弱政策）</translation>
    </message>
    <message>
        <source>&quot;policy&quot; must be an object of license-policy fields</source>
        <translation>&quot;policy&quot; 必须是由许可证政策字段组成的对象</translation>
    </message>
    <message>
        <source>its policy has fields Hangar does not know: {names}</source>
        <translation>其政策包含 Hangar 无法识别的字段：{names}</translation>
    </message>
    <message>
        <source>expected must be a text, or a list of accepted texts, none of them empty</source>
        <translation>expected 必须是一段文本，或一个可接受文本的列表，且其中不能有空文本</translation>
    </message>
    <message>
        <source>{name} must be true or false</source>
        <translation>{name} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>flags must be letters from {letters}, not {value}</source>
        <translation>flags 必须是 {letters} 中的字母，而不是 {value}</translation>
    </message>
    <message>
        <source>the regex /{pattern}/ does not compile: {error}</source>
        <translation>正则表达式 /{pattern}/ 无法编译：{error}</translation>
    </message>
    <message>
        <source>the regex /{pattern}/ backtracks catastrophically: it ran past {seconds:g} s on a {length:,}-character string; rewrite it without nested repetition such as (x+)+</source>
        <translation>正则表达式 /{pattern}/ 会发生灾难性回溯：它在一个 {length:,} 个字符的字符串上运行超过了 {seconds:g} 秒；请改写它，避免 (x+)+ 这样的嵌套重复</translation>
    </message>
    <message>
        <source>choices must be a list of 2 to 26 texts</source>
        <translation>choices 必须是包含 2 到 26 段文本的列表</translation>
    </message>
    <message>
        <source>letters must be 2 to 26 different capital letters, such as &quot;ABCD&quot;, not {value}</source>
        <translation>letters 必须是 2 到 26 个互不相同的大写字母，例如 &quot;ABCD&quot;，而不是 {value}</translation>
    </message>
    <message>
        <source>expected must be one of the letters {letters}, not {value}</source>
        <translation>expected 必须是字母 {letters} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>tolerance must be a number of 0 or more, or a percentage such as &quot;2%&quot;, not {value}</source>
        <translation>tolerance 必须是不小于 0 的数字，或 &quot;2%&quot; 这样的百分比，而不是 {value}</translation>
    </message>
    <message>
        <source>expected must be a number, not {value}</source>
        <translation>expected 必须是数字，而不是 {value}</translation>
    </message>
    <message>
        <source>schema must be a JSON Schema (an object), not {value}</source>
        <translation>schema 必须是 JSON Schema（一个对象），而不是 {value}</translation>
    </message>
    <message>
        <source>the schema is not valid at {where}: {error}</source>
        <translation>schema 在 {where} 处无效：{error}</translation>
    </message>
    <message>
        <source>a json_schema item needs a schema</source>
        <translation>json_schema 条目需要一个 schema</translation>
    </message>
    <message>
        <source>expected must be an object of the values the reply must hold</source>
        <translation>expected 必须是一个对象，列出回复中必须包含的值</translation>
    </message>
    <message>
        <source>choices must be a list of 2 to 64 texts, none of them empty</source>
        <translation>choices 必须是包含 2 到 64 段文本的列表，且其中不能有空文本</translation>
    </message>
    <message>
        <source>expected must be the right choice&apos;s index (0 to {high}) or its text, not {value}</source>
        <translation>expected 必须是正确选项的序号（0 到 {high}）或其文本，而不是 {value}</translation>
    </message>
    <message>
        <source>download_endpoints must be a list of http(s) addresses</source>
        <translation>download_endpoints 必须是 http(s) 地址的列表</translation>
    </message>
    <message>
        <source>The policy your administrator installed at {path} cannot be used: {problem}.</source>
        <translation>管理员安装在 {path} 的政策无法使用：{problem}。</translation>
    </message>
    <message>
        <source>Downloads and model loads are refused until it is fixed; ask your administrator.</source>
        <translation>在修复之前，下载和加载模型都会被拒绝；请联系管理员。</translation>
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
        <source>the {preset} shape is too large to write here; it exists as a header for memory plans</source>
        <translation>{preset} 结构太大，无法在此写出；它只作为文件头，用于内存规划</translation>
    </message>
    <message>
        <source>{path} must end in .gguf</source>
        <translation>{path} 必须以 .gguf 结尾</translation>
    </message>
    <message>
        <source>the {preset} shape cannot be Q8_0: a row is not a multiple of {block} values</source>
        <translation>{preset} 形状无法写成 Q8_0：有一行的值数不是 {block} 的倍数</translation>
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
        <source>Could not keep the experts in RAM: {error}</source>
        <translation>无法将专家权重保留在内存中：{error}</translation>
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
        <source>{test}: repetition {rep} of {reps}</source>
        <translation>{test}：第 {rep} 次重复，共 {reps} 次</translation>
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
        <source>This model was loaded for embeddings; it does not generate text.</source>
        <translation>此模型是作为嵌入模型加载的；它不生成文本。</translation>
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
        <source>The prompt file {path} cannot be read: {error}</source>
        <translation>无法读取提示词文件 {path}：{error}</translation>
    </message>
    <message>
        <source>The prompt file {path} is not UTF-8 text (byte {offset}).</source>
        <translation>提示词文件 {path} 不是 UTF-8 文本（第 {offset} 字节）。</translation>
    </message>
    <message>
        <source>The prompt file {path} holds no prompt.</source>
        <translation>提示词文件 {path} 中没有提示词。</translation>
    </message>
    <message>
        <source>Line {line} of the prompt file {path} is not JSON: {error}</source>
        <translation>提示词文件 {path} 的第 {line} 行不是 JSON：{error}</translation>
    </message>
    <message>
        <source>Line {line} of the prompt file {path} holds chat messages: run it with --endpoint chat.</source>
        <translation>提示词文件 {path} 的第 {line} 行是对话消息：请用 --endpoint chat 运行。</translation>
    </message>
    <message>
        <source>Line {line} of the prompt file {path} needs a &quot;prompt&quot; text or a &quot;messages&quot; list of {{&quot;role&quot;, &quot;content&quot;}} objects.</source>
        <translation>提示词文件 {path} 的第 {line} 行需要一个 &quot;prompt&quot; 文本，或一个由 {{&quot;role&quot;, &quot;content&quot;}} 对象组成的 &quot;messages&quot; 列表。</translation>
    </message>
    <message>
        <source>The endpoint sends no token counts (usage), so the prompts are {words} words, about {tokens} tokens; every token count is estimated.</source>
        <translation>该端点不返回 token 计数（usage），因此提示词为 {words} 个词，约 {tokens} 个 token；所有 token 数均为估算值。</translation>
    </message>
    <message>
        <source>Prompts are exactly {tokens} tokens by the endpoint&apos;s own count.</source>
        <translation>按端点自身的计数，提示词恰好为 {tokens} 个 token。</translation>
    </message>
    <message>
        <source>Prompts are {tokens} tokens by the endpoint&apos;s own count ({asked} asked; the closest a word boundary allows).</source>
        <translation>按端点自身的计数，提示词为 {tokens} 个 token（要求 {asked} 个；这是按词边界所能达到的最接近值）。</translation>
    </message>
    <message>
        <source>Prompts are {tokens} tokens by the endpoint&apos;s own count ({asked} asked): calibration stopped after {tries} tries.</source>
        <translation>按端点自身的计数，提示词为 {tokens} 个 token（要求 {asked} 个）：校准在尝试 {tries} 次后停止。</translation>
    </message>
    <message>
        <source>{name} must be true or false, not {value}</source>
        <translation>{name} 必须是 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be 1 for an embedding model, not {value}</source>
        <translation>对于嵌入模型，{name} 必须为 1，而不是 {value}</translation>
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
        <source>{name} must hold 1 to {high:,} inputs, not {value}</source>
        <translation>{name} 必须包含 1 到 {high:,} 个输入，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a text or a list of token ids (whole numbers from 0), not {value}</source>
        <translation>{name} 必须是文本或 token id 列表（从 0 开始的整数），而不是 {value}</translation>
    </message>
    <message>
        <source>{name} is empty: every input needs some text</source>
        <translation>{name} 为空：每个输入都需要一些文本</translation>
    </message>
    <message>
        <source>{name} must be 1 to {high} shares of 0 or more, not all 0, not {value}</source>
        <translation>{name} 必须是 1 到 {high} 个不小于 0 的份额，且不能全为 0，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must hold 2 to {high:,} texts, not {value}</source>
        <translation>{name} 必须包含 2 到 {high:,} 段文本，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a text that is not empty, not {value}</source>
        <translation>{name} 必须是非空文本，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must hold at most {high:,} bytes together, not {value:,}</source>
        <translation>{name} 合计最多 {high:,} 字节，而不是 {value:,}</translation>
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
        <source>{name} is an embedding model: it answers /v1/embeddings, not chat or completions. Text-generation models here: {available}.</source>
        <translation>{name} 是嵌入模型：它响应 /v1/embeddings，而不响应对话或补全请求。此处的文本生成模型：{available}。</translation>
    </message>
    <message>
        <source>{name} is a text-generation model: it answers chat and completions, not /v1/embeddings. Embedding models here: {available}.</source>
        <translation>{name} 是文本生成模型：它响应对话和补全请求，而不响应 /v1/embeddings。此处的嵌入模型：{available}。</translation>
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
        <source>The server holds this model: Chat uses the same copy in memory, beside the server&apos;s requests.</source>
        <translation>服务器正在托管此模型：“对话”与服务器的请求共用内存中的同一份副本。</translation>
    </message>
    <message>
        <source>The license policy cannot be read, so remote endpoints are refused until it is fixed: {problem}</source>
        <translation>无法读取许可证政策，因此在修复之前会拒绝使用远程端点：{problem}</translation>
    </message>
    <message>
        <source>The license policy &quot;{policy}&quot; forbids remote endpoints: prompts and replies must stay on this machine.</source>
        <translation>许可证政策“{policy}”禁止使用远程端点：提示词和回复必须留在本机。</translation>
    </message>
    <message>
        <source>Whoever sets your organisation&apos;s license policy decides this (allow_remote_endpoints).</source>
        <translation>这由负责制定您所在组织许可证政策的人决定（allow_remote_endpoints）。</translation>
    </message>
    <message>
        <source>There is already an endpoint named {name}.</source>
        <translation>已有名为 {name} 的端点。</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>A remote model is written remote:ENDPOINT:MODEL, not {ref}.</source>
        <translation>远程模型的写法是 remote:端点:模型，而不是 {ref}。</translation>
    </message>
    <message>
        <source>{ref} is not a remote model (remote:ENDPOINT:MODEL).</source>
        <translation>{ref} 不是远程模型（remote:端点:模型）。</translation>
    </message>
    <message>
        <source>{name} needs a license review before use: {reasons}</source>
        <translation>{name} 在使用前需要人工审核许可证：{reasons}</translation>
    </message>
    <message>
        <source>Asking {name} at {url} for its models…</source>
        <translation>正在向位于 {url} 的 {name} 查询其模型…</translation>
    </message>
    <message>
        <source>The CA bundle {path} is not a file.</source>
        <translation>CA 证书包 {path} 不是文件。</translation>
    </message>
    <message>
        <source>Give a PEM file with your organisation&apos;s CA certificates.</source>
        <translation>请提供包含您所在组织 CA 证书的 PEM 文件。</translation>
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
    <message>
        <source>{file} is already imported, as run #{run_id}; it was not added again.</source>
        <translation>{file} 已经导入过，为运行 #{run_id}；未重复添加。</translation>
    </message>
    <message>
        <source>This machine has no benchmark run yet.</source>
        <translation>本机还没有基准测试运行记录。</translation>
    </message>
    <message>
        <source>Run one first: hangar-cli bench, or the Benchmark pane.</source>
        <translation>请先运行一次：使用 hangar-cli bench，或“基准测试”面板。</translation>
    </message>
    <message>
        <source>There is no benchmark run #{run_id} on this machine.</source>
        <translation>本机上没有基准测试运行 #{run_id}。</translation>
    </message>
    <message>
        <source>There is no fleet run #{run_id}.</source>
        <translation>机群中没有运行 #{run_id}。</translation>
    </message>
    <message>
        <source>hangar-cli fleet list shows them.</source>
        <translation>运行 hangar-cli fleet list 可以列出它们。</translation>
    </message>
    <message>
        <source>Cost inputs need the machine&apos;s label.</source>
        <translation>成本参数需要指定机器的标签。</translation>
    </message>
    <message>
        <source>Export as csv or json, not {format}.</source>
        <translation>请导出为 csv 或 json，而不是 {format}。</translation>
    </message>
    <message>
        <source>The report could not be written to {file}: {error}</source>
        <translation>无法将报告写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy allows downloads only from {allowed}, not from {endpoint}.</source>
        <translation>您所在组织的政策只允许从 {allowed} 下载，而不允许从 {endpoint} 下载。</translation>
    </message>
    <message>
        <source>Set the Hub endpoint to your organisation&apos;s mirror (Settings, or HF_ENDPOINT).</source>
        <translation>请将 Hub 端点设为您所在组织的镜像（在“设置”中，或通过 HF_ENDPOINT）。</translation>
    </message>
    <message>
        <source>Your organisation&apos;s policy blocks {subject}: {reasons}</source>
        <translation>您所在组织的政策禁止使用 {subject}：{reasons}</translation>
    </message>
    <message>
        <source>The policy is managed by your administrator ({path}); it cannot be overridden here.</source>
        <translation>该政策由管理员管理（{path}）；无法在此处例外放行。</translation>
    </message>
    <message>
        <source>{subject} needs a license review before use, and your organisation asks for a reason: {reasons}</source>
        <translation>{subject} 在使用前需要人工审核许可证，且您所在组织要求说明理由：{reasons}</translation>
    </message>
    <message>
        <source>Give the reason you may use it (the audit trail keeps it with your name).</source>
        <translation>请说明您可以使用它的理由（审计记录会连同您的用户名一起保存该理由）。</translation>
    </message>
    <message>
        <source>{subject} needs a license review before use: {reasons}</source>
        <translation>{subject} 在使用前需要人工审核许可证：{reasons}</translation>
    </message>
    <message>
        <source>An override needs a reason: say why this model may be used.</source>
        <translation>例外放行需要理由：请说明为何可以使用此模型。</translation>
    </message>
    <message>
        <source>A reason of at most {count} characters, please.</source>
        <translation>理由请不要超过 {count} 个字符。</translation>
    </message>
    <message>
        <source>Your administrator manages the license policy ({path}); it cannot be changed here.</source>
        <translation>许可证政策由管理员管理（{path}）；无法在此处修改。</translation>
    </message>
    <message>
        <source>Prompts and replies leave this machine and go to {url}.</source>
        <translation>提示词和回复会离开本机，发送到 {url}。</translation>
    </message>
    <message>
        <source>This serving benchmark has no Hangar behind it: only an address can be measured.</source>
        <translation>此服务基准测试没有关联 Hangar 应用：只能测量指定的地址。</translation>
    </message>
    <message>
        <source>bench-serve local needs --model: a library model (id, alias or name; `hangar-cli models` lists them).</source>
        <translation>bench-serve local 需要 --model：模型库中的一个模型（id、别名或名称；`hangar-cli models` 可以列出它们）。</translation>
    </message>
    <message>
        <source>{reason} The license before is what this copy&apos;s file and download record say.</source>
        <translation>{reason}此前的许可证以本副本的文件及其下载记录为准。</translation>
    </message>
    <message>
        <source>Nothing was changed; check again when the Hub can be reached.</source>
        <translation>没有做任何更改；请在可以连接 Hub 时再检查。</translation>
    </message>
    <message>
        <source>{name} was not updated: {reason}</source>
        <translation>{name} 未更新：{reason}</translation>
    </message>
    <message>
        <source>{name} is pinned to revision {revision}; it is not updated.</source>
        <translation>{name} 已固定在修订版本 {revision}；不会更新。</translation>
    </message>
    <message>
        <source>Unpin it first (hangar-cli unpin, or Unpin in the Library&apos;s update details).</source>
        <translation>请先取消固定（hangar-cli unpin，或在“模型库”的更新详情中点击“取消固定”）。</translation>
    </message>
    <message>
        <source>{name} did not come from a Hub repository, so there is nothing to update it from.</source>
        <translation>{name} 不是来自 Hub 仓库，因此没有可供更新的来源。</translation>
    </message>
    <message>
        <source>{name} belongs to {source}; Hangar updates only the files it downloaded.</source>
        <translation>{name} 属于 {source}；Hangar 只更新它自己下载的文件。</translation>
    </message>
    <message>
        <source>Update it with the tool that owns it, or download the new revision from Discover.</source>
        <translation>请用它所属的工具更新，或在“发现”中下载新的修订版本。</translation>
    </message>
    <message>
        <source>the file is not in the new revision.</source>
        <translation>新的修订版本中没有该文件。</translation>
    </message>
    <message>
        <source>{name} cannot be updated: {reason}</source>
        <translation>{name} 无法更新：{reason}</translation>
    </message>
    <message>
        <source>Download the file you want from Discover; the copy here stays as it is.</source>
        <translation>请在“发现”中下载您需要的文件；本机的副本保持不变。</translation>
    </message>
    <message>
        <source>{name} is split into several files; Hangar cannot yet update such a model in place.</source>
        <translation>{name} 被拆分为多个文件；Hangar 目前还无法就地更新这样的模型。</translation>
    </message>
    <message>
        <source>Download the new revision from Discover; the copy here stays as it is.</source>
        <translation>请在“发现”中下载新的修订版本；本机的副本保持不变。</translation>
    </message>
    <message>
        <source>{name} is not in the models folder ({folder}), so an update would not replace it.</source>
        <translation>{name} 不在模型文件夹（{folder}）中，因此更新不会替换它。</translation>
    </message>
    <message>
        <source>Download the new revision from Discover, or set the models folder back to where this model is.</source>
        <translation>请在“发现”中下载新的修订版本，或将模型文件夹改回此模型所在的位置。</translation>
    </message>
    <message>
        <source>{name} was not updated because its license changed: {change}</source>
        <translation>{name} 未更新，因为其许可证已变更：{change}</translation>
    </message>
    <message>
        <source>Read the new license first. To update anyway, accept the license change (hangar-cli updates --apply MODEL --accept-license-change).</source>
        <translation>请先阅读新的许可证。如仍要更新，请接受许可证变更（hangar-cli updates --apply 模型 --accept-license-change）。</translation>
    </message>
    <message>
        <source>{name} was not updated: {reason} The copy here (revision {revision}) is unchanged and still works.</source>
        <translation>{name} 未更新：{reason}本机的副本（修订版本 {revision}）保持不变，仍可正常使用。</translation>
    </message>
    <message>
        <source>{value} is not a date: give it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM).</source>
        <translation>{value} 不是日期：请按 YYYY-MM-DD（或 YYYY-MM-DDTHH:MM）格式给出。</translation>
    </message>
    <message>
        <source>Line {line} was cut short, as a crash while writing leaves it; the next event will mark the break.</source>
        <translation>第 {line} 行不完整，写入时崩溃就会留下这样的行；下一个事件会标记这次中断。</translation>
    </message>
    <message>
        <source>Line {line} was cut short by a crash; line {next} marks the break and the chain goes on from it.</source>
        <translation>第 {line} 行因崩溃而不完整；第 {next} 行标记了这次中断，哈希链从该行继续。</translation>
    </message>
    <message>
        <source>Line {line} is not a readable audit entry: it was changed or damaged.</source>
        <translation>第 {line} 行不是可读的审计条目：它已被修改或损坏。</translation>
    </message>
    <message>
        <source>Line {line} has number {seq} where {expected} belongs: it was changed.</source>
        <translation>第 {line} 行的序号是 {seq}，而此处应为 {expected}：它已被修改。</translation>
    </message>
    <message>
        <source>{count} line(s) before line {line} were removed (numbers {first} to {last} are missing).</source>
        <translation>第 {line} 行之前有 {count} 行被删除（缺少序号 {first} 到 {last}）。</translation>
    </message>
    <message>
        <source>Line {line} was moved: it followed line {other} when it was written.</source>
        <translation>第 {line} 行被移动过：写入时它位于第 {other} 行之后。</translation>
    </message>
    <message>
        <source>Line {line} was changed after it was written (line {next} recorded another hash for it).</source>
        <translation>第 {line} 行在写入后被修改过（第 {next} 行为它记录的是另一个哈希值）。</translation>
    </message>
    <message>
        <source>The log&apos;s head record ({name}) is missing, so a change to the last lines cannot be ruled out.</source>
        <translation>日志的头记录（{name}）缺失，因此无法排除最后几行被修改的可能。</translation>
    </message>
    <message>
        <source>The log&apos;s head record ({name}) is damaged.</source>
        <translation>日志的头记录（{name}）已损坏。</translation>
    </message>
    <message>
        <source>The last {count} line(s) were removed: the log ends at number {seq}, its head records {head}.</source>
        <translation>最后 {count} 行已被删除：日志结束于序号 {seq}，而其头记录为 {head}。</translation>
    </message>
    <message>
        <source>The last line was changed after it was written (it does not match the log&apos;s head record).</source>
        <translation>最后一行在写入后被修改过（与日志的头记录不符）。</translation>
    </message>
    <message>
        <source>The cache is in use by a benchmark (process {pids}), so nothing was deleted.</source>
        <translation>缓存正被基准测试使用（进程 {pids}），因此没有删除任何内容。</translation>
    </message>
    <message>
        <source>Clear it when the benchmark has finished, or cancel it first.</source>
        <translation>请在基准测试结束后再清除，或先取消基准测试。</translation>
    </message>
    <message>
        <source>{path} could not be deleted: {error}</source>
        <translation>无法删除 {path}：{error}</translation>
    </message>
    <message>
        <source>Close whatever uses it and clear the cache again.</source>
        <translation>请关闭正在使用它的程序，然后再次清除缓存。</translation>
    </message>
    <message>
        <source>no models at all</source>
        <translation>没有任何模型</translation>
    </message>
    <message>
        <source>The endpoint {name} has no model {model}; it has: {models}.</source>
        <translation>端点 {name} 上没有模型 {model}；它提供的模型有：{models}。</translation>
    </message>
    <message>
        <source>Pick one of its models, or refresh its model list in Settings (hangar-cli endpoints models NAME).</source>
        <translation>请选择它的某个模型，或在“设置”中刷新它的模型列表（hangar-cli endpoints models 名称）。</translation>
    </message>
    <message>
        <source>The endpoint {name} is busy (HTTP {status}); it asks to retry after {seconds} s.</source>
        <translation>端点 {name} 正忙（HTTP {status}）；它要求在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>The endpoint {name} is busy (HTTP {status}); it gave no time to retry after, so try again in a moment.</source>
        <translation>端点 {name} 正忙（HTTP {status}）；它没有给出重试时间，请稍后再试。</translation>
    </message>
    <message>
        <source>The endpoint {name} closed the stream after {count} tokens; the partial reply is kept.</source>
        <translation>端点 {name} 在 {count} 个 token 后关闭了数据流；已生成的部分回复会保留。</translation>
    </message>
    <message>
        <source>The server or the network between stopped ({why}); Regenerate asks again.</source>
        <translation>服务器或其间的网络中断了（{why}）；点击“重新生成”可再次请求。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered {what} with a web page (HTML), not the OpenAI API.</source>
        <translation>位于 {url} 的端点针对{what}返回了网页（HTML），而不是 OpenAI API 的响应。</translation>
    </message>
    <message>
        <source>Check the address: it is the API&apos;s base URL (it usually ends in /v1), not a web interface or a login page in between.</source>
        <translation>请检查地址：应填写 API 的基础 URL（通常以 /v1 结尾），而不是网页界面或中间的登录页面。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered {what} with something that is not JSON: {start}</source>
        <translation>位于 {url} 的端点针对{what}返回的不是 JSON：{start}</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Check that the address is an OpenAI-compatible API (vLLM, llama-server, Ollama, TGI, MindIE …).</source>
        <translation>请确认该地址是 OpenAI 兼容的 API（vLLM、llama-server、Ollama、TGI、MindIE 等）。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered {what} in a form Hangar does not understand ({problem}).</source>
        <translation>位于 {url} 的端点针对{what}的响应格式 Hangar 无法识别（{problem}）。</translation>
    </message>
    <message>
        <source>Nothing answers at {url} (the connection was refused).</source>
        <translation>{url} 没有响应（连接被拒绝）。</translation>
    </message>
    <message>
        <source>Check the address and the port, and that the serving engine is running there.</source>
        <translation>请检查地址和端口，并确认推理服务引擎正在那里运行。</translation>
    </message>
    <message>
        <source>The host {host} of the endpoint {name} is not known (DNS: {error}).</source>
        <translation>无法解析端点 {name} 的主机 {host}（DNS：{error}）。</translation>
    </message>
    <message>
        <source>Check the address, and the network or VPN this machine is on.</source>
        <translation>请检查地址，以及本机所在的网络或 VPN。</translation>
    </message>
    <message>
        <source>Nothing answers at {url} ({error}).</source>
        <translation>{url} 没有响应（{error}）。</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified: {reason}; give the CA bundle of your organisation.</source>
        <translation>无法验证 {host} 的证书：{reason}；请提供您所在组织的 CA 证书包。</translation>
    </message>
    <message>
        <source>Choose the CA bundle (a PEM file from your IT department) in the endpoint&apos;s settings, or pass --ca-bundle FILE.</source>
        <translation>请在该端点的设置中选择 CA 证书包（由 IT 部门提供的 PEM 文件），或传入 --ca-bundle 文件。</translation>
    </message>
    <message>
        <source>The endpoint {name} did not answer {what} within {seconds:.0f} s.</source>
        <translation>端点 {name} 未在 {seconds:.0f} 秒内针对{what}作出响应。</translation>
    </message>
    <message>
        <source>The server may be overloaded or stuck, or a firewall drops the connection; try again later.</source>
        <translation>服务器可能过载或卡住，或者防火墙丢弃了连接；请稍后重试。</translation>
    </message>
    <message>
        <source>The CA bundle {path} cannot be used: {problem}</source>
        <translation>CA 证书包 {path} 无法使用：{problem}</translation>
    </message>
    <message>
        <source>Give a PEM file with your organisation&apos;s CA certificates (-----BEGIN CERTIFICATE-----).</source>
        <translation>请提供包含您所在组织 CA 证书的 PEM 文件（-----BEGIN CERTIFICATE-----）。</translation>
    </message>
    <message>
        <source>Nothing answers at {url} (no connection within {seconds:.0f} s).</source>
        <translation>{url} 没有响应（{seconds:.0f} 秒内未能建立连接）。</translation>
    </message>
    <message>
        <source>Check the address and the port, and the network or VPN this machine is on.</source>
        <translation>请检查地址和端口，以及本机所在的网络或 VPN。</translation>
    </message>
    <message>
        <source>The endpoint at {url} redirected {what} in a loop.</source>
        <translation>位于 {url} 的端点针对{what}进行了循环重定向。</translation>
    </message>
    <message>
        <source>The endpoint at {url} closed the connection or sent a broken HTTP answer for {what} ({error}).</source>
        <translation>位于 {url} 的端点在处理{what}时关闭了连接，或返回了损坏的 HTTP 响应（{error}）。</translation>
    </message>
    <message>
        <source>The endpoint {name} refused the API key (HTTP {status}){detail}.</source>
        <translation>端点 {name} 拒绝了 API 密钥（HTTP {status}）{detail}。</translation>
    </message>
    <message>
        <source>Check the key in the endpoint&apos;s settings: it may be mistyped, expired or revoked, or lack access to this model.</source>
        <translation>请检查该端点设置中的密钥：它可能输错、已过期或已吊销，或者无权访问此模型。</translation>
    </message>
    <message>
        <source>The endpoint {name} asks for an API key (HTTP {status}), and none is stored for it.</source>
        <translation>端点 {name} 要求提供 API 密钥（HTTP {status}），但尚未为它保存密钥。</translation>
    </message>
    <message>
        <source>Give the endpoint&apos;s API key in its settings (it is kept in the system keyring).</source>
        <translation>请在该端点的设置中填写其 API 密钥（密钥保存在系统密钥环中）。</translation>
    </message>
    <message>
        <source>The endpoint at {url} has no {what} (HTTP 404){detail}; is it an OpenAI-compatible API?</source>
        <translation>位于 {url} 的端点针对{what}返回了 HTTP 404{detail}；它是 OpenAI 兼容的 API 吗？</translation>
    </message>
    <message>
        <source>Check the address: it is the API&apos;s base URL (it usually ends in /v1).</source>
        <translation>请检查地址：应填写 API 的基础 URL（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <source>The endpoint {name} says the conversation is longer than the model&apos;s context{detail}.</source>
        <translation>端点 {name} 表示对话长度超出了模型的上下文{detail}。</translation>
    </message>
    <message>
        <source>The endpoint {name} refused the request for {what} (HTTP {status}){detail}.</source>
        <translation>端点 {name} 拒绝了针对{what}的请求（HTTP {status}）{detail}。</translation>
    </message>
    <message>
        <source>The endpoint {name} failed to answer {what} (HTTP {status}){detail}.</source>
        <translation>端点 {name} 处理针对{what}的请求时出错（HTTP {status}）{detail}。</translation>
    </message>
    <message>
        <source>The fault is on the server&apos;s side; try again later, or tell whoever runs it.</source>
        <translation>问题出在服务器端；请稍后重试，或告知服务器的运维人员。</translation>
    </message>
    <message>
        <source>the model list (/v1/models)</source>
        <translation>模型列表接口（/v1/models）</translation>
    </message>
    <message>
        <source>No system keyring is available to store the endpoint&apos;s API key safely.</source>
        <translation>没有可用的系统密钥环来安全地保存该端点的 API 密钥。</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring, KWallet); Hangar never writes a key to a plain file.</source>
        <translation>请安装并解锁一个 Secret Service 密钥环（GNOME Keyring、KWallet）；Hangar 从不把密钥写入普通文件。</translation>
    </message>
    <message>
        <source>An API key is one line of 1 to {limit:,} characters without spaces.</source>
        <translation>API 密钥应为一行 1 到 {limit:,} 个字符、不含空格的文本。</translation>
    </message>
    <message>
        <source>The license of the remote model {model} (on {endpoint}) could not be checked: Hangar cannot read its files, and its name matches no model family Hangar knows. A person must review it before use.</source>
        <translation>无法检查远程模型 {model}（位于 {endpoint}）的许可证：Hangar 无法读取它的文件，且它的名称与 Hangar 已知的任何模型系列都不匹配。使用前须由人工审查。</translation>
    </message>
    <message>
        <source>Judged by the name {model} alone: the endpoint {endpoint} serves it, and Hangar cannot read its files.</source>
        <translation>仅根据名称 {model} 判断：它由端点 {endpoint} 提供，Hangar 无法读取它的文件。</translation>
    </message>
    <message>
        <source>An endpoint needs a name of 1 to 64 letters, digits, dots, dashes or underscores (not &quot;remote&quot; or &quot;local&quot;), not {name}.</source>
        <translation>端点名称必须由 1 到 64 个字母、数字、点、短横线或下划线组成（且不能是 &quot;remote&quot; 或 &quot;local&quot;），而不是 {name}。</translation>
    </message>
    <message>
        <source>{url} is not an endpoint address: give it with http:// or https://, e.g. https://llm.example.com/v1</source>
        <translation>{url} 不是端点地址：请带上 http:// 或 https://，例如 https://llm.example.com/v1</translation>
    </message>
    <message>
        <source>{url} is not an endpoint address: {problem}</source>
        <translation>{url} 不是端点地址：{problem}</translation>
    </message>
    <message>
        <source>{url} is not an endpoint address: it names no host.</source>
        <translation>{url} 不是端点地址：其中没有主机名。</translation>
    </message>
    <message>
        <source>The address holds a user name or password; give the API key in its own field (it is kept in the system keyring), not in the address.</source>
        <translation>地址中包含用户名或密码；请在专门的字段中填写 API 密钥（密钥保存在系统密钥环中），不要写在地址里。</translation>
    </message>
    <message>
        <source>The endpoints file {path} cannot be read: {problem}</source>
        <translation>无法读取端点文件 {path}：{problem}</translation>
    </message>
    <message>
        <source>Move it aside and add the endpoints again; their keys are still in the keyring.</source>
        <translation>请将它移到一旁，然后重新添加端点；它们的密钥仍在密钥环中。</translation>
    </message>
    <message>
        <source>The endpoints file {path} is not a Hangar endpoints file.</source>
        <translation>端点文件 {path} 不是 Hangar 的端点文件。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>There is no endpoint named {name}. Endpoints: {names}.</source>
        <translation>没有名为 {name} 的端点。现有端点：{names}。</translation>
    </message>
    <message>
        <source>Add one in Settings, or with hangar-cli endpoints add NAME URL.</source>
        <translation>请在“设置”中添加，或使用 hangar-cli endpoints add 名称 URL。</translation>
    </message>
    <message>
        <source>the chat request</source>
        <translation>对话接口</translation>
    </message>
    <message>
        <source>The endpoint {name} sent a stream event that is not JSON after {count} tokens: {line}</source>
        <translation>端点 {name} 在 {count} 个 token 后发送了一个不是 JSON 的流事件：{line}</translation>
    </message>
    <message>
        <source>a stream event that is not an object</source>
        <translation>一个不是对象的流事件</translation>
    </message>
    <message>
        <source>The endpoint {name} stopped the reply after {count} tokens: {message}</source>
        <translation>端点 {name} 在 {count} 个 token 后停止了回复：{message}</translation>
    </message>
    <message>
        <source>the stream ended without a finish reason or [DONE]</source>
        <translation>数据流结束时既没有结束原因（finish_reason），也没有 [DONE]</translation>
    </message>
    <message>
        <source>The connection to the endpoint {name} was closed; load the model again.</source>
        <translation>与端点 {name} 的连接已关闭；请重新加载模型。</translation>
    </message>
    <message>
        <source>The cost input {field} should be a number, not {value}.</source>
        <translation>成本参数 {field} 应为数字，而不是 {value}。</translation>
    </message>
    <message>
        <source>The price per hour is {value}: a price cannot be negative.</source>
        <translation>每小时价格为 {value}：价格不能为负数。</translation>
    </message>
    <message>
        <source>The purchase price is {value}: a price cannot be negative.</source>
        <translation>购买价格为 {value}：价格不能为负数。</translation>
    </message>
    <message>
        <source>The electricity price is {value} per kWh: a price cannot be negative.</source>
        <translation>电价为每 kWh {value}：价格不能为负数。</translation>
    </message>
    <message>
        <source>The power draw is {value} W: it cannot be negative.</source>
        <translation>功耗为 {value} W：不能为负数。</translation>
    </message>
    <message>
        <source>The lifetime is {value} hours: a purchase price is spread over a lifetime of more than 0 hours.</source>
        <translation>使用寿命为 {value} 小时：购买价格需要分摊到大于 0 小时的使用寿命上。</translation>
    </message>
    <message>
        <source>Three years of service around the clock is 26280 hours.</source>
        <translation>全天候运行三年为 26280 小时。</translation>
    </message>
    <message>
        <source>The PUE is {value}: it is at least 1 (1.0: every watt goes to the machine; data centres are about 1.1 to 1.6).</source>
        <translation>PUE 为 {value}：它至少为 1（1.0 表示每一瓦电都用于机器本身；数据中心一般约为 1.1 到 1.6）。</translation>
    </message>
    <message>
        <source>The utilisation is {value}: it is the share of time the machine does useful work, more than 0 and at most 1 (0.3 for 30%).</source>
        <translation>利用率为 {value}：它是机器做有效工作的时间占比，大于 0 且不超过 1（30% 即 0.3）。</translation>
    </message>
    <message>
        <source>The concurrency to cost is {value}: it is a whole number of at least 1.</source>
        <translation>用于计算成本的并发数为 {value}：它必须是不小于 1 的整数。</translation>
    </message>
    <message>
        <source>The currency should be a short code such as USD or CNY, not {value}.</source>
        <translation>货币应为 USD 或 CNY 这样的简短代码，而不是 {value}。</translation>
    </message>
    <message>
        <source>Unknown cost input {field}; the inputs are {choices}.</source>
        <translation>未知的成本参数 {field}；可用的参数有 {choices}。</translation>
    </message>
    <message>
        <source>this run has no level at concurrency {concurrency} (it has {levels})</source>
        <translation>此运行没有并发数为 {concurrency} 的档位（它有 {levels}）</translation>
    </message>
    <message>
        <source>the level at concurrency {concurrency} did not finish ({status})</source>
        <translation>并发数为 {concurrency} 的档位没有完成（{status}）</translation>
    </message>
    <message>
        <source>no level of this run finished</source>
        <translation>此运行没有任何档位完成</translation>
    </message>
    <message>
        <source>no level met the SLO for all its requests; pick a concurrency to cost one anyway</source>
        <translation>没有哪个档位的所有请求都满足 SLO；如仍要计算成本，请选择一个并发数</translation>
    </message>
    <message>
        <source>this single-stream run has no generation test</source>
        <translation>此单流运行没有生成测试</translation>
    </message>
    <message>
        <source>no cost inputs entered for {machine}</source>
        <translation>尚未为 {machine} 输入成本参数</translation>
    </message>
    <message>
        <source>enter an hourly price, a purchase price and lifetime, or an electricity price</source>
        <translation>请输入每小时价格、购买价格及使用寿命，或电价</translation>
    </message>
    <message>
        <source>Nothing was imported from it. docs/run-schema.md describes the format.</source>
        <translation>没有从中导入任何内容。格式说明见 docs/run-schema.md。</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>{file} cannot be imported: {reason}</source>
        <translation>无法导入 {file}：{reason}</translation>
    </message>
    <message>
        <source>it cannot be read ({error})</source>
        <translation>无法读取它（{error}）</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte {offset})</source>
        <translation>它不是 UTF-8 文本（第 {offset} 字节）</translation>
    </message>
    <message>
        <source>it is not valid JSON: {error}</source>
        <translation>它不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>This run cannot be used: {reason}</source>
        <translation>此运行无法使用：{reason}</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>它是空的</translation>
    </message>
    <message>
        <source>it is cut off: the JSON ends at line {line}, column {column} (character {position}) in the middle of a value; the file was probably not copied whole</source>
        <translation>它被截断了：JSON 在第 {line} 行第 {column} 列（第 {position} 个字符）处、一个值的中间结束；文件可能没有完整复制</translation>
    </message>
    <message>
        <source>it is not valid JSON: {error} at line {line}, column {column}</source>
        <translation>它不是有效的 JSON：{error}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>the field schema is missing: this looks like hangar-cli bench --json from a Hangar older than {supported}; run the benchmark again with this version</source>
        <translation>缺少 schema 字段：这看起来是早于 {supported} 的 Hangar 所输出的 hangar-cli bench --json；请用此版本重新运行基准测试</translation>
    </message>
    <message>
        <source>the field schema is missing: this is not a {supported} document</source>
        <translation>缺少 schema 字段：这不是 {supported} 文档</translation>
    </message>
    <message>
        <source>its schema is {found}, not a Hangar run ({supported})</source>
        <translation>它的 schema 为 {found}，不是 Hangar 运行记录（{supported}）</translation>
    </message>
    <message>
        <source>it was made by a newer Hangar: {found}; this one reads {supported}</source>
        <translation>它由更新版本的 Hangar 生成：{found}；此版本只能读取 {supported}</translation>
    </message>
    <message>
        <source>its schema {found} is not one this Hangar reads ({supported})</source>
        <translation>此版本的 Hangar 无法读取它的 schema {found}（支持 {supported}）</translation>
    </message>
    <message>
        <source>This run is already stored, as run #{run_id}.</source>
        <translation>此运行已保存过，为运行 #{run_id}。</translation>
    </message>
    <message>
        <source>The Hub endpoint must be an http(s) address such as https://hf-mirror.example.com, not {value}</source>
        <translation>Hub 端点必须是 http(s) 地址，例如 https://hf-mirror.example.com，而不是 {value}</translation>
    </message>
    <message>
        <source>The proxy must be an address such as http://proxy.example.com:3128, not {value}</source>
        <translation>代理必须是类似 http://proxy.example.com:3128 的地址，而不是 {value}</translation>
    </message>
    <message>
        <source>The CA bundle {path} holds no certificate Hangar can use ({problem}); it should be PEM text.</source>
        <translation>CA 证书包 {path} 中没有 Hangar 可用的证书（{problem}）；它应为 PEM 文本。</translation>
    </message>
    <message>
        <source>The new revision no longer states a license; a person must review it before this model is used.</source>
        <translation>新的修订版本不再声明许可证；使用该模型前须由人工审查。</translation>
    </message>
    <message>
        <source>{file} is not in the repository&apos;s listing, so its bytes could not be compared.</source>
        <translation>{file} 不在仓库的文件列表中，因此无法比较其内容。</translation>
    </message>
    <message>
        <source>No SHA-256 is known for every part, so the file was compared by size only.</source>
        <translation>并非每个分片都有已知的 SHA-256，因此只按大小比较了文件。</translation>
    </message>
    <message>
        <source>This copy differs from the file the Hub publishes at the same revision: it may be damaged or changed here.</source>
        <translation>此副本与 Hub 在同一修订版本上公布的文件不同：它可能在本机已损坏或被修改。</translation>
    </message>
    <message>
        <source>The copy on this machine keeps working; nothing was changed.</source>
        <translation>本机上的副本仍可正常使用；没有做任何更改。</translation>
    </message>
    <message>
        <source>The Hub no longer has revision {revision} of {repo}.</source>
        <translation>Hub 上已不再有 {repo} 的修订版本 {revision}。</translation>
    </message>
    <message>
        <source>{repo} is no longer on the Hub (404): it was deleted, renamed or made private.</source>
        <translation>{repo} 已不在 Hub 上（404）：它已被删除、重命名或设为私有。</translation>
    </message>
    <message>
        <source>The Hub asks for a sign-in to read {repo} (401): it was made private or gated since, or the token is missing or expired.</source>
        <translation>Hub 要求登录后才能读取 {repo}（401）：它此后已被设为私有或需授权，或者令牌缺失或已过期。</translation>
    </message>
    <message>
        <source>Add a Hugging Face token in Settings, then check again. The copy on this machine keeps working; nothing was changed.</source>
        <translation>请在“设置”中添加 Hugging Face 令牌，然后重新检查。本机上的副本仍可正常使用；没有做任何更改。</translation>
    </message>
    <message>
        <source>The Hub refuses this account access to {repo} (403): it was made gated or restricted since, and access was not granted.</source>
        <translation>Hub 拒绝此账户访问 {repo}（403）：它此后已被设为需授权或受限访问，且未获准访问。</translation>
    </message>
    <message>
        <source>Accept the terms on the model&apos;s Hub page (or ask its owners), then check again. The copy on this machine keeps working; nothing was changed.</source>
        <translation>请在该模型的 Hub 页面上接受条款（或联系其所有者），然后重新检查。本机上的副本仍可正常使用；没有做任何更改。</translation>
    </message>
    <message>
        <source>{repo} is gated now: the Hub asks for a sign-in before its files can be downloaded (401).</source>
        <translation>{repo} 现在需要授权：Hub 要求登录后才能下载其文件（401）。</translation>
    </message>
    <message>
        <source>Accept the terms on the model&apos;s Hub page and add a Hugging Face token in Settings. The copy on this machine keeps working.</source>
        <translation>请在该模型的 Hub 页面上接受条款，并在“设置”中添加 Hugging Face 令牌。本机上的副本仍可正常使用。</translation>
    </message>
    <message>
        <source>{repo} is gated now, and this account has no access to its files (403).</source>
        <translation>{repo} 现在需要授权，而此账户无权访问其文件（403）。</translation>
    </message>
    <message>
        <source>Accept the terms on the model&apos;s Hub page (or wait for the authors to approve you). The copy on this machine keeps working.</source>
        <translation>请在该模型的 Hub 页面上接受条款（或等待作者批准您的申请）。本机上的副本仍可正常使用。</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>new revision, same file</source>
        <translation>新修订版本，文件相同</translation>
    </message>
    <message>
        <source>update available</source>
        <translation>有可用更新</translation>
    </message>
    <message>
        <source>file gone or renamed</source>
        <translation>文件已删除或重命名</translation>
    </message>
    <message>
        <source>license changed!</source>
        <translation>许可证已变更！</translation>
    </message>
    <message>
        <source>gated state changed</source>
        <translation>授权要求已变更</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>gone from the Hub</source>
        <translation>已从 Hub 移除</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>not from the Hub</source>
        <translation>并非来自 Hub</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>无法连接 Hub</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>The new revision no longer states a license (it was {old}); the verdict is now {verdict}.</source>
        <translation>新的修订版本不再声明许可证（之前为 {old}）；结论现在为“{verdict}”。</translation>
    </message>
    <message>
        <source>The license changed from {old} to {new}; the verdict went from {before} to {after}.</source>
        <translation>许可证从 {old} 变为 {new}；结论从“{before}”变为“{after}”。</translation>
    </message>
    <message>
        <source>The repository&apos;s gated state changed from {old} to {new}.</source>
        <translation>仓库的授权要求从“{old}”变为“{new}”。</translation>
    </message>
    <message>
        <source>{file} was renamed to {new} in the new revision (the same bytes).</source>
        <translation>在新的修订版本中，{file} 被重命名为 {new}（内容相同）。</translation>
    </message>
    <message>
        <source>{file} is not in the new revision; it has {others}.</source>
        <translation>新的修订版本中没有 {file}；其中有 {others}。</translation>
    </message>
    <message>
        <source>{file} is not in the new revision.</source>
        <translation>新的修订版本中没有 {file}。</translation>
    </message>
    <message>
        <source>The file changed: {old_size} → {new_size}, SHA-256 {old} → {new}.</source>
        <translation>文件已变更：{old_size} → {new_size}，SHA-256 {old} → {new}。</translation>
    </message>
    <message>
        <source>New revision {new} (this copy is {old}).</source>
        <translation>新修订版本 {new}（此副本为 {old}）。</translation>
    </message>
    <message>
        <source>The file&apos;s bytes are the same; only the repository&apos;s other files or its card changed.</source>
        <translation>文件内容相同；只有仓库中的其他文件或模型卡片有变化。</translation>
    </message>
    <message>
        <source>not gated</source>
        <translation>无需授权</translation>
    </message>
    <message>
        <source>gated (access granted on request)</source>
        <translation>需授权（申请后即可获准）</translation>
    </message>
    <message>
        <source>gated (the authors approve each request)</source>
        <translation>需授权（作者逐一审批申请）</translation>
    </message>
    <message>
        <source>Choose the endpoint to measure: an address, a saved endpoint or Hangar&apos;s own server.</source>
        <translation>请选择要测量的端点：一个地址、一个已保存的端点，或 Hangar 自己的服务器。</translation>
    </message>
    <message>
        <source>{name} must be a number of milliseconds above 0, not {value}</source>
        <translation>{name} 必须是大于 0 的毫秒数，而不是 {value}</translation>
    </message>
    <message>
        <source>The endpoint at {url} has no {route} (HTTP 404): {message}</source>
        <translation>位于 {url} 的端点上没有 {route}（HTTP 404）：{message}</translation>
    </message>
    <message>
        <source>Some engines serve only chat: try --endpoint chat (or completions).</source>
        <translation>有些推理引擎只提供对话接口：请尝试 --endpoint chat（或 completions）。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered HTTP {status}: {message}</source>
        <translation>位于 {url} 的端点返回了 HTTP {status}：{message}</translation>
    </message>
    <message>
        <source>The endpoint at {url} stayed busy (HTTP {status}) through {tries} tries and {waited:.1f} s of waiting (it asked for {asked}).</source>
        <translation>位于 {url} 的端点经过 {tries} 次尝试、共等待 {waited:.1f} 秒后仍然繁忙（HTTP {status}；它要求等待 {asked}）。</translation>
    </message>
    <message>
        <source>Lower the concurrency, or raise the endpoint&apos;s queue.</source>
        <translation>请降低并发数，或加大端点的队列长度。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered with one JSON document instead of a stream (&apos;stream&apos;: true was ignored), so the time to the first token cannot be measured.</source>
        <translation>位于 {url} 的端点返回了一个完整的 JSON 文档，而不是数据流（忽略了 &apos;stream&apos;: true），因此无法测量首个 token 延迟。</translation>
    </message>
    <message>
        <source>The stream from {url} ended after {chunks} content chunks without finishing (no finish_reason, no [DONE]): it was cut.</source>
        <translation>来自 {url} 的数据流在 {chunks} 个内容块后结束，但没有正常完成（没有 finish_reason，也没有 [DONE]）：数据流被截断了。</translation>
    </message>
    <message>
        <source>The stream from {url} finished without a single token of content.</source>
        <translation>来自 {url} 的数据流结束了，但没有任何内容 token。</translation>
    </message>
    <message>
        <source>asked for {asked} tokens, got {got}: the endpoint at {url} ignores max_tokens.</source>
        <translation>要求 {asked} 个 token，实际得到 {got} 个：位于 {url} 的端点忽略了 max_tokens。</translation>
    </message>
    <message>
        <source>The request to {url} failed: {error}</source>
        <translation>对 {url} 的请求失败：{error}</translation>
    </message>
    <message>
        <source>The endpoint at {url} does not serve a model named {model}; it lists: {models}.</source>
        <translation>位于 {url} 的端点不提供名为 {model} 的模型；它列出的模型有：{models}。</translation>
    </message>
    <message>
        <source>Pass one of those names with --model.</source>
        <translation>请用 --model 传入其中一个名称。</translation>
    </message>
    <message>
        <source>The endpoint at {url} does not serve a model named {model} (HTTP 404).</source>
        <translation>位于 {url} 的端点不提供名为 {model} 的模型（HTTP 404）。</translation>
    </message>
    <message>
        <source>Check the model&apos;s name; GET {url}/models lists what the endpoint serves.</source>
        <translation>请检查模型名称；GET {url}/models 会列出该端点提供的模型。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered {what} with a web page (HTML), not the OpenAI API&apos;s JSON.</source>
        <translation>位于 {url} 的端点针对 {what} 返回了网页（HTML），而不是 OpenAI API 的 JSON。</translation>
    </message>
    <message>
        <source>Check the address: the OpenAI API usually lives under /v1 (a proxy&apos;s login page or a web UI answers HTML).</source>
        <translation>请检查地址：OpenAI API 通常位于 /v1 之下（代理的登录页面或网页界面会返回 HTML）。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered {what} with something that is not valid JSON: {body}</source>
        <translation>位于 {url} 的端点针对 {what} 返回的不是有效的 JSON：{body}</translation>
    </message>
    <message>
        <source>Check the address and any proxy between this machine and the endpoint.</source>
        <translation>请检查地址，以及本机与端点之间的代理。</translation>
    </message>
    <message>
        <source>The TLS connection to {url} failed: {reason}.</source>
        <translation>与 {url} 的 TLS 连接失败：{reason}。</translation>
    </message>
    <message>
        <source>If the endpoint&apos;s certificate comes from a private authority, pass that authority&apos;s certificate with --ca-bundle; an http:// endpoint must be given as http://.</source>
        <translation>如果端点的证书来自私有证书颁发机构，请用 --ca-bundle 传入该机构的证书；http:// 端点必须写成 http://。</translation>
    </message>
    <message>
        <source>{url} did not accept a connection within {seconds:g} s.</source>
        <translation>{url} 未在 {seconds:g} 秒内接受连接。</translation>
    </message>
    <message>
        <source>Check the address and port, and that the server is running.</source>
        <translation>请检查地址和端口，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The endpoint at {url} sent nothing for {seconds:g} s (the per-request timeout).</source>
        <translation>位于 {url} 的端点在 {seconds:g} 秒内没有发送任何数据（单个请求的超时时间）。</translation>
    </message>
    <message>
        <source>A slow model or a busy server: raise --timeout, or lower the concurrency.</source>
        <translation>模型较慢或服务器繁忙：请调大 --timeout，或降低并发数。</translation>
    </message>
    <message>
        <source>Nothing answers at {url}: the connection was refused or the host cannot be reached ({error}).</source>
        <translation>{url} 没有响应：连接被拒绝，或无法访问该主机（{error}）。</translation>
    </message>
    <message>
        <source>The endpoint at {url} closed the connection before its answer was complete ({error}).</source>
        <translation>位于 {url} 的端点在响应完成前关闭了连接（{error}）。</translation>
    </message>
    <message>
        <source>{url} is not an address Hangar can send requests to: {problem}.</source>
        <translation>{url} 不是 Hangar 可以发送请求的地址：{problem}。</translation>
    </message>
    <message>
        <source>The connection to {url} failed: {error}.</source>
        <translation>与 {url} 的连接失败：{error}。</translation>
    </message>
    <message>
        <source>Line {line} of the stream from {url} is not a Server-Sent Event: {text}</source>
        <translation>来自 {url} 的数据流第 {line} 行不是服务器发送事件（SSE）：{text}</translation>
    </message>
    <message>
        <source>A proxy between here and the endpoint may be rewriting the stream, or the address is not the OpenAI API.</source>
        <translation>本机与端点之间的代理可能改写了数据流，或者该地址不是 OpenAI API。</translation>
    </message>
    <message>
        <source>The stream from {url} sent data that is not JSON (line {line}): {text}</source>
        <translation>来自 {url} 的数据流发送了不是 JSON 的数据（第 {line} 行）：{text}</translation>
    </message>
    <message>
        <source>The stream from {url} sent data that is not a JSON object (line {line}): {text}</source>
        <translation>来自 {url} 的数据流发送了不是 JSON 对象的数据（第 {line} 行）：{text}</translation>
    </message>
    <message>
        <source>The endpoint at {url} reported an error in the middle of the stream: {message}</source>
        <translation>位于 {url} 的端点在数据流中途报告了错误：{message}</translation>
    </message>
    <message>
        <source>Give at least one concurrency level (for example --concurrency 1,2,4,8).</source>
        <translation>请至少给出一个并发档位（例如 --concurrency 1,2,4,8）。</translation>
    </message>
    <message>
        <source>{name} must be a number above 0, not {value}</source>
        <translation>{name} 必须是大于 0 的数字，而不是 {value}</translation>
    </message>
    <message>
        <source>Cancelled after {finished} of {total} requests.</source>
        <translation>在完成 {finished}/{total} 个请求后取消。</translation>
    </message>
    <message>
        <source>{failed} of {total} requests failed; the most common reason: {reason}</source>
        <translation>{total} 个请求中有 {failed} 个失败；最常见的原因：{reason}</translation>
    </message>
    <message>
        <source>{url} is not an endpoint address: give http://host:port or https://host/v1 (or the word local).</source>
        <translation>{url} 不是端点地址：请给出 http://主机:端口 或 https://主机/v1（或者 local 一词）。</translation>
    </message>
    <message>
        <source>{name} must be a number of seconds from {low} to {high}, not {value}</source>
        <translation>{name} 必须是 {low} 到 {high} 之间的秒数，而不是 {value}</translation>
    </message>
    <message>
        <source>The CA bundle {path} cannot be used: {error}</source>
        <translation>CA 证书包 {path} 无法使用：{error}</translation>
    </message>
    <message>
        <source>The endpoint at {url} lists no models, so one must be named with --model.</source>
        <translation>位于 {url} 的端点没有列出任何模型，因此必须用 --model 指定一个。</translation>
    </message>
    <message>
        <source>The endpoint at {url} refused the request (HTTP {status}): the API key is missing or not accepted.</source>
        <translation>位于 {url} 的端点拒绝了请求（HTTP {status}）：缺少 API 密钥，或密钥未被接受。</translation>
    </message>
    <message>
        <source>Put the key in a file and pass --api-key-file FILE, or set HANGAR_API_KEY; a key is never taken on the command line.</source>
        <translation>请将密钥写入文件并传入 --api-key-file 文件，或设置 HANGAR_API_KEY；密钥从不通过命令行传入。</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered GET /models with HTTP {status}: {body}</source>
        <translation>位于 {url} 的端点对 GET /models 返回了 HTTP {status}：{body}</translation>
    </message>
    <message>
        <source>The endpoint at {url} answered GET /models without the OpenAI API&apos;s list of models: {body}</source>
        <translation>位于 {url} 的端点对 GET /models 的响应中没有 OpenAI API 格式的模型列表：{body}</translation>
    </message>
    <message>
        <source>unknown sample text &apos;{name}&apos;; choose one of {choices}</source>
        <translation>未知的示例文本“{name}”；请从 {choices} 中选择</translation>
    </message>
    <message>
        <source>{file} is {size:,} bytes; Hangar scores texts of at most {limit:,} bytes.</source>
        <translation>{file} 有 {size:,} 字节；Hangar 最多只能评估 {limit:,} 字节的文本。</translation>
    </message>
    <message>
        <source>Score a part of it: a few hundred kilobytes give a perplexity to three digits.</source>
        <translation>请只评估其中一部分：几百 KB 的文本就能得到精确到三位有效数字的困惑度。</translation>
    </message>
    <message>
        <source>The format is described in docs/eval-suites.md; nothing was run.</source>
        <translation>格式说明见 docs/eval-suites.md；没有运行任何内容。</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>{file} cannot be a suite: {reason}</source>
        <translation>{file} 不能作为评测集：{reason}</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>line {line}: the file is not UTF-8 text (byte {offset:,} cannot be read)</source>
        <translation>第 {line} 行：文件不是 UTF-8 文本（第 {offset:,} 字节无法读取）</translation>
    </message>
    <message>
        <source>not JSON ({reason} at column {column}); each line must be one JSON object</source>
        <translation>不是 JSON（{reason}，位于第 {column} 列）；每一行必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>a line must be a JSON object, not {kind}</source>
        <translation>每一行必须是 JSON 对象，而不是 {kind}</translation>
    </message>
    <message>
        <source>the header (the line with &quot;format&quot;) must be the first line</source>
        <translation>文件头（包含 &quot;format&quot; 的那一行）必须是第一行</translation>
    </message>
    <message>
        <source>the id &apos;{id}&apos; is used already on line {other}</source>
        <translation>id“{id}”已在第 {other} 行使用过</translation>
    </message>
    <message>
        <source>a suite holds at most {limit:,} items</source>
        <translation>一个评测集最多包含 {limit:,} 个条目</translation>
    </message>
    <message>
        <source>{file} holds no items: each line after the optional header is one JSON object with an id, a prompt and a scorer.</source>
        <translation>{file} 中没有条目：在可选的文件头之后，每一行都是一个包含 id、prompt 和 scorer 的 JSON 对象。</translation>
    </message>
    <message>
        <source>unknown header field &apos;{name}&apos; (the header knows {known})</source>
        <translation>未知的文件头字段“{name}”（文件头可用的字段有 {known}）</translation>
    </message>
    <message>
        <source>the format is {value}; this Hangar reads {format}</source>
        <translation>格式为 {value}；此版本的 Hangar 只能读取 {format}</translation>
    </message>
    <message>
        <source>{name} must be text</source>
        <translation>{name} 必须是文本</translation>
    </message>
    <message>
        <source>max_tokens must be a whole number from 1 to {high:,}, not {value}</source>
        <translation>max_tokens 必须是 1 到 {high:,} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be text that is not empty</source>
        <translation>{name} 必须是非空文本</translation>
    </message>
    <message>
        <source>the item has no id</source>
        <translation>该条目没有 id</translation>
    </message>
    <message>
        <source>id must be text of 1 to 200 characters</source>
        <translation>id 必须是 1 到 200 个字符的文本</translation>
    </message>
    <message>
        <source>unknown scorer {value}; the scorers are {known}</source>
        <translation>未知的评分器 {value}；可用的评分器有 {known}</translation>
    </message>
    <message>
        <source>unknown field &apos;{name}&apos; for the {scorer} scorer (it reads {known})</source>
        <translation>{scorer} 评分器没有字段“{name}”（它读取的字段有 {known}）</translation>
    </message>
    <message>
        <source>tags must be a list of texts</source>
        <translation>tags 必须是文本列表</translation>
    </message>
    <message>
        <source>an item needs either a prompt or messages, not both and not neither</source>
        <translation>每个条目需要 prompt 或 messages 之一，不能两者都有，也不能都没有</translation>
    </message>
    <message>
        <source>a loglik item scores its choices after a plain prompt (the context), not after messages</source>
        <translation>loglik 条目在纯文本 prompt（即上下文）之后为各选项评分，而不是在 messages 之后</translation>
    </message>
    <message>
        <source>messages must be a list of {{&quot;role&quot;, &quot;content&quot;}} objects</source>
        <translation>messages 必须是由 {{&quot;role&quot;, &quot;content&quot;}} 对象组成的列表</translation>
    </message>
    <message>
        <source>each message must be {{&quot;role&quot;: one of {roles}, &quot;content&quot;: text}}, not {value}</source>
        <translation>每条消息都必须是 {{&quot;role&quot;: {roles} 之一, &quot;content&quot;: 文本}}，而不是 {value}</translation>
    </message>
    <message>
        <source>the last message must be the user&apos;s: the model answers it</source>
        <translation>最后一条消息必须是用户的：模型要回答它</translation>
    </message>
    <message>
        <source>{file} is empty: there is no text to score.</source>
        <translation>{file} 是空的：没有可以评估的文本。</translation>
    </message>
    <message>
        <source>{file} is not a text file: it holds NUL bytes (a binary file, or text saved as UTF-16).</source>
        <translation>{file} 不是文本文件：它包含 NUL 字节（是二进制文件，或以 UTF-16 保存的文本）。</translation>
    </message>
    <message>
        <source>Give a plain text file saved as UTF-8.</source>
        <translation>请提供以 UTF-8 保存的纯文本文件。</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text: the bytes at offset {offset:,} are not UTF-8.</source>
        <translation>{file} 不是 UTF-8 文本：偏移量 {offset:,} 处的字节不是 UTF-8。</translation>
    </message>
    <message>
        <source>{file} holds only white space: there is no text to score.</source>
        <translation>{file} 只包含空白字符：没有可以评估的文本。</translation>
    </message>
    <message>
        <source>{file} is not a text file: {count:,} of its {total:,} characters are control characters.</source>
        <translation>{file} 不是文本文件：它的 {total:,} 个字符中有 {count:,} 个是控制字符。</translation>
    </message>
    <message>
        <source>{file} has no tokenizer (no {key} in its header): perplexity needs a text model.</source>
        <translation>{file} 没有分词器（文件头中没有 {key}）：困惑度测试需要文本模型。</translation>
    </message>
    <message>
        <source>Measure a quant against a reference of the same model: its F16 or Q8_0.</source>
        <translation>请将量化版本与同一模型的参考版本（F16 或 Q8_0）进行对比测量。</translation>
    </message>
    <message>
        <source>{model} has a vocabulary of {n_model:,} tokens and the reference {reference} {n_reference:,}: KL divergence compares the two models token by token, so they need the same tokenizer.</source>
        <translation>{model} 的词表有 {n_model:,} 个 token，而参考模型 {reference} 有 {n_reference:,} 个：KL 散度要逐个 token 比较两个模型，因此它们需要相同的分词器。</translation>
    </message>
    <message>
        <source>{model} and the reference {reference} both have {n_vocab:,} tokens, but not the same ones: KL divergence compares the two models token by token, so they need the same tokenizer.</source>
        <translation>{model} 和参考模型 {reference} 都有 {n_vocab:,} 个 token，但并不相同：KL 散度要逐个 token 比较两个模型，因此它们需要相同的分词器。</translation>
    </message>
    <message>
        <source>does not fit on {device}: needs {needed}, has {has}</source>
        <translation>在{device}上放不下：需要 {needed}，可用 {has}</translation>
    </message>
    <message>
        <source>does not fit: needs {needed}, has {has} ({accel} and RAM together)</source>
        <translation>放不下：需要 {needed}，可用 {has}（{accel} 与内存合计）</translation>
    </message>
    <message>
        <source>{fits} in {device} ({ram} of {free} free)</source>
        <translation>在{device}中{fits}（需要 {ram}，可用 {free}）</translation>
    </message>
    <message>
        <source>{fits} on the {accel} ({vram} {mem}{spread})</source>
        <translation>在 {accel} 上{fits}（{mem} {vram}{spread}）</translation>
    </message>
    <message>
        <source>{fits} with the experts of {k} of {n} layers in RAM ({vram} {mem}, {ram} RAM{spread})</source>
        <translation>{fits}：{n} 层中有 {k} 层的专家权重放在内存中（{mem} {vram}，内存 {ram}{spread}）</translation>
    </message>
    <message>
        <source>{fits} with {g} of {n} layers on the {accel} and the experts of {k} in RAM ({vram} {mem}, {ram} RAM{spread})</source>
        <translation>{fits}：{n} 层中有 {g} 层放在 {accel} 上，{k} 层的专家权重放在内存中（{mem} {vram}，内存 {ram}{spread}）</translation>
    </message>
    <message>
        <source>{fits} with {g} of {n} layers on the {accel} ({vram} {mem}, {ram} RAM{spread})</source>
        <translation>{fits}：{n} 层中有 {g} 层放在 {accel} 上（{mem} {vram}，内存 {ram}{spread}）</translation>
    </message>
    <message>
        <source>{plan}; {share:.0%} of the weights ({types}) are in types the NPU does not run and would run on the CPU</source>
        <translation>{plan}；{share:.0%} 的权重（{types}）属于 NPU 不支持的类型，将在 CPU 上运行</translation>
    </message>
    <message>
        <source>NPU</source>
        <translation>NPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>NPU memory</source>
        <translation>NPU 内存</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>weights {weights}, KV cache for {n_ctx:,} tokens {kv}, compute and runtime {rest}</source>
        <translation>权重 {weights}，{n_ctx:,} 个 token 的 KV 缓存 {kv}，计算缓冲与运行时 {rest}</translation>
    </message>
    <message>
        <source>{count} on {device}</source>
        <translation>{device} 上 {count} 层</translation>
    </message>
    <message>
        <source>; {layers}</source>
        <translation>；{layers}</translation>
    </message>
    <message>
        <source>Experts on CPU must be 0 or more layers, not {value}.</source>
        <translation>“CPU 上的专家”必须为 0 层或以上，而不是 {value}。</translation>
    </message>
    <message>
        <source>Experts on CPU is {value} layers, but this model has {n} layers.</source>
        <translation>“CPU 上的专家”为 {value} 层，但此模型只有 {n} 层。</translation>
    </message>
    <message>
        <source>Experts on CPU applies to mixture-of-experts models; this one has no expert tensors.</source>
        <translation>“CPU 上的专家”只适用于混合专家模型；此模型没有专家张量。</translation>
    </message>
    <message>
        <source>The split mode must be one of {choices}, not {value}.</source>
        <translation>拆分模式必须是 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <source>The tensor split gives {count} shares, but there are {gpus} GPUs.</source>
        <translation>张量拆分给出了 {count} 个份额，但有 {gpus} 个 GPU。</translation>
    </message>
    <message>
        <source>The main GPU must be from 0 to {last}, not {value}.</source>
        <translation>主 GPU 必须在 0 到 {last} 之间，而不是 {value}。</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder: choose the folder to write the bundle into.</source>
        <translation>{path} 是文件，不是文件夹：请选择要写入传输包的文件夹。</translation>
    </message>
    <message>
        <source>{path} is itself a bundle; Hangar does not write into one.</source>
        <translation>{path} 本身就是一个传输包；Hangar 不会写入其中。</translation>
    </message>
    <message>
        <source>Choose the folder that should hold the bundle, such as the disk&apos;s top folder.</source>
        <translation>请选择用来存放传输包的文件夹，例如磁盘的根文件夹。</translation>
    </message>
    <message>
        <source>{path} already exists; Hangar never writes over a bundle.</source>
        <translation>{path} 已存在；Hangar 从不覆盖传输包。</translation>
    </message>
    <message>
        <source>Move or delete it first, or choose another folder.</source>
        <translation>请先移动或删除它，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>{path} is left from an export that is still running or was interrupted.</source>
        <translation>{path} 是一次仍在进行或被中断的导出留下的。</translation>
    </message>
    <message>
        <source>Delete it if no other export is writing there, then export again.</source>
        <translation>如果没有其他导出正在写入那里，请删除它，然后重新导出。</translation>
    </message>
    <message>
        <source>{file} cannot go into a bundle: {reason}.</source>
        <translation>{file} 无法放入传输包：{reason}。</translation>
    </message>
    <message>
        <source>Copying {file}</source>
        <translation>正在复制 {file}</translation>
    </message>
    <message>
        <source>{file} changed since it entered the library: its SHA-256 is now {actual}, the library recorded {expected}.</source>
        <translation>{file} 自加入模型库以来已发生变化：它的 SHA-256 现在是 {actual}，而模型库记录的是 {expected}。</translation>
    </message>
    <message>
        <source>Nothing was exported. Download or import the model again.</source>
        <translation>没有导出任何内容。请重新下载或导入该模型。</translation>
    </message>
    <message>
        <source>Writing {file}</source>
        <translation>正在写入 {file}</translation>
    </message>
    <message>
        <source>The disk holding {folder} is full: the bundle needs {size} and does not fit.</source>
        <translation>{folder} 所在的磁盘已满：传输包需要 {size}，放不下。</translation>
    </message>
    <message>
        <source>Free some space or choose another disk; nothing was left behind.</source>
        <translation>请释放一些空间或选择其他磁盘；没有留下任何残余文件。</translation>
    </message>
    <message>
        <source>Nothing was left behind; check that the folder can be written.</source>
        <translation>没有留下任何残余文件；请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>{path} is a file, not a bundle folder.</source>
        <translation>{path} 是文件，不是传输包文件夹。</translation>
    </message>
    <message>
        <source>Give the folder that holds the bundle&apos;s manifest.json.</source>
        <translation>请指定包含传输包 manifest.json 的文件夹。</translation>
    </message>
    <message>
        <source>{file} is a link (to {target}); a bundle holds only plain files.</source>
        <translation>{file} 是一个链接（指向 {target}）；传输包中只能有普通文件。</translation>
    </message>
    <message>
        <source>Nothing was imported. Copy the bundle again from its source, without links.</source>
        <translation>没有导入任何内容。请从来源处重新复制传输包，不要包含链接。</translation>
    </message>
    <message>
        <source>{path} holds no {file}: it is not a Hangar bundle, or the manifest was lost.</source>
        <translation>{path} 中没有 {file}：它不是 Hangar 传输包，或者清单已丢失。</translation>
    </message>
    <message>
        <source>{file} is refused: {reason}.</source>
        <translation>{file} 被拒绝：{reason}。</translation>
    </message>
    <message>
        <source>{file} is refused: it is not a plain file.</source>
        <translation>{file} 被拒绝：它不是普通文件。</translation>
    </message>
    <message>
        <source>{file} is missing from the bundle, and {others} is there but not in its manifest: was a file renamed?</source>
        <translation>传输包中缺少 {file}，而 {others} 在包中却不在清单里：是否有文件被重命名了？</translation>
    </message>
    <message>
        <source>Nothing was imported. Give the files back their names, or copy the bundle again.</source>
        <translation>没有导入任何内容。请恢复文件原来的名称，或重新复制传输包。</translation>
    </message>
    <message>
        <source>{file} is missing from the bundle (its manifest lists it).</source>
        <translation>传输包中缺少 {file}（其清单中列有该文件）。</translation>
    </message>
    <message>
        <source>Nothing was imported. Copy the whole bundle folder again.</source>
        <translation>没有导入任何内容。请重新复制整个传输包文件夹。</translation>
    </message>
    <message>
        <source>{file} is in the bundle folder but not in its manifest.</source>
        <translation>{file} 在传输包文件夹中，但不在其清单里。</translation>
    </message>
    <message>
        <source>Nothing was imported. Remove it if you put it there; otherwise the bundle was altered.</source>
        <translation>没有导入任何内容。如果是您放进去的，请将其删除；否则说明传输包已被改动。</translation>
    </message>
    <message>
        <source>{file} points outside the bundle.</source>
        <translation>{file} 指向传输包之外。</translation>
    </message>
    <message>
        <source>{file} is {kind}, not a plain file.</source>
        <translation>{file} 是{kind}，不是普通文件。</translation>
    </message>
    <message>
        <source>{file} is {actual:,} bytes, but the manifest says {expected:,}.</source>
        <translation>{file} 有 {actual:,} 字节，但清单中记录的是 {expected:,} 字节。</translation>
    </message>
    <message>
        <source>Nothing was imported. The file was cut short or changed on the way: copy it again.</source>
        <translation>没有导入任何内容。文件在传输途中被截断或改动：请重新复制。</translation>
    </message>
    <message>
        <source>{file} names a place outside the models folder ({path}).</source>
        <translation>{file} 指向模型文件夹之外的位置（{path}）。</translation>
    </message>
    <message>
        <source>Checking {file}</source>
        <translation>正在检查 {file}</translation>
    </message>
    <message>
        <source>{file} was changed: its SHA-256 is {actual}, but the manifest says {expected}.</source>
        <translation>{file} 已被改动：它的 SHA-256 为 {actual}，但清单中记录的是 {expected}。</translation>
    </message>
    <message>
        <source>Nothing was imported. The file was damaged or altered on the way: copy the bundle again.</source>
        <translation>没有导入任何内容。文件在传输途中已损坏或被改动：请重新复制传输包。</translation>
    </message>
    <message>
        <source>{file} changed while the bundle was being imported.</source>
        <translation>{file} 在导入传输包期间发生了变化。</translation>
    </message>
    <message>
        <source>{path} already exists in the models folder and holds another file; Hangar does not replace it.</source>
        <translation>模型文件夹中已存在 {path}，且内容是另一个文件；Hangar 不会替换它。</translation>
    </message>
    <message>
        <source>Nothing was imported. Remove that model first, or choose another models folder.</source>
        <translation>没有导入任何内容。请先移除那个模型，或选择其他模型文件夹。</translation>
    </message>
    <message>
        <source>it is not a file name</source>
        <translation>它不是文件名</translation>
    </message>
    <message>
        <source>the name is longer than 200 characters</source>
        <translation>名称超过 200 个字符</translation>
    </message>
    <message>
        <source>the name is reserved for the bundle&apos;s own files</source>
        <translation>该名称保留给传输包自身的文件使用</translation>
    </message>
    <message>
        <source>the name holds a folder, a hidden-file dot or characters a file name may not have</source>
        <translation>名称中包含文件夹、隐藏文件的前导点或文件名不允许的字符</translation>
    </message>
    <message>
        <source>{file} is not valid JSON ({reason}): this is not a Hangar bundle, or it was cut short.</source>
        <translation>{file} 不是有效的 JSON（{reason}）：这不是 Hangar 传输包，或者它被截断了。</translation>
    </message>
    <message>
        <source>{file} is not a Hangar bundle manifest: it holds no object.</source>
        <translation>{file} 不是 Hangar 传输包清单：其中没有对象。</translation>
    </message>
    <message>
        <source>{file} is in the format {found}; this Hangar reads {expected}.</source>
        <translation>{file} 的格式为 {found}；此版本的 Hangar 只能读取 {expected}。</translation>
    </message>
    <message>
        <source>Update Hangar on this machine, or export the bundle again with the same Hangar version as here.</source>
        <translation>请更新本机上的 Hangar，或用与本机相同版本的 Hangar 重新导出传输包。</translation>
    </message>
    <message>
        <source>{file} is not a Hangar bundle manifest (its format is {found}, not {expected}).</source>
        <translation>{file} 不是 Hangar 传输包清单（其格式为 {found}，而不是 {expected}）。</translation>
    </message>
    <message>
        <source>{file} is refused: {field} {problem}.</source>
        <translation>{file} 被拒绝：{field} {problem}。</translation>
    </message>
    <message>
        <source>is missing or not an object</source>
        <translation>缺失或不是对象</translation>
    </message>
    <message>
        <source>is missing, not text, or longer than {limit} characters</source>
        <translation>缺失、不是文本或超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>is missing or empty</source>
        <translation>缺失或为空</translation>
    </message>
    <message>
        <source>lists more than {count} files</source>
        <translation>列出的文件超过 {count} 个</translation>
    </message>
    <message>
        <source>is not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>({name}) is refused: {problem}</source>
        <translation>（{name}）被拒绝：{problem}</translation>
    </message>
    <message>
        <source>({name}) is listed twice</source>
        <translation>（{name}）被列出了两次</translation>
    </message>
    <message>
        <source>is not one of {roles}</source>
        <translation>不是 {roles} 之一</translation>
    </message>
    <message>
        <source>is not a whole number of bytes</source>
        <translation>不是整数字节数</translation>
    </message>
    <message>
        <source>is not a SHA-256 (64 lower-case hexadecimal digits)</source>
        <translation>不是 SHA-256（64 位小写十六进制数字）</translation>
    </message>
    <message>
        <source>must list the model&apos;s GGUF file(s) with the role model</source>
        <translation>必须列出模型的 GGUF 文件，且角色为 model</translation>
    </message>
    <message>
        <source>({name}) is not one of the model files listed</source>
        <translation>（{name}）不是所列的模型文件之一</translation>
    </message>
    <message>
        <source>({repo}) is not a repository id such as owner/name</source>
        <translation>（{repo}）不是 owner/name 形式的仓库 id</translation>
    </message>
    <message>
        <source>({revision}) is not a revision (letters, digits, dots and dashes)</source>
        <translation>（{revision}）不是修订版本（应由字母、数字、点和短横线组成）</translation>
    </message>
    <message>
        <source>Install it with: pip install &apos;hangar-desktop[signing]&apos;</source>
        <translation>可以这样安装：pip install &apos;hangar-desktop[signing]&apos;</translation>
    </message>
    <message>
        <source>{file} is not a model signature: {reason}</source>
        <translation>{file} 不是模型签名：{reason}</translation>
    </message>
    <message>
        <source>{file} is not a model signature in the model-signing format.</source>
        <translation>{file} 不是 model-signing 格式的模型签名。</translation>
    </message>
    <message>
        <source>{file} names no key or certificate: it cannot be verified.</source>
        <translation>{file} 没有指明密钥或证书：无法验证。</translation>
    </message>
    <message>
        <source>{file} holds a certificate that cannot be read.</source>
        <translation>{file} 中包含一个无法读取的证书。</translation>
    </message>
    <message>
        <source>{file} is not a PEM public key: {reason}</source>
        <translation>{file} 不是 PEM 公钥：{reason}</translation>
    </message>
    <message>
        <source>You asked to verify the bundle&apos;s signature, but it has no {file}.</source>
        <translation>您要求验证传输包的签名，但其中没有 {file}。</translation>
    </message>
    <message>
        <source>Ask the sender for a signed bundle, or import it without a key to rely on its hashes alone.</source>
        <translation>请向发送方索取已签名的传输包，或不使用密钥导入，仅依靠其哈希值校验。</translation>
    </message>
    <message>
        <source>The bundle is not signed; its files matched the SHA-256 in its manifest.</source>
        <translation>该传输包没有签名；其文件与清单中的 SHA-256 一致。</translation>
    </message>
    <message>
        <source>{file} is a keyless Sigstore signature (by {signer}); verifying one needs Sigstore&apos;s online services, which Hangar does not use offline.</source>
        <translation>{file} 是无密钥的 Sigstore 签名（签名者：{signer}）；验证此类签名需要 Sigstore 的在线服务，而 Hangar 离线工作，不使用这些服务。</translation>
    </message>
    <message>
        <source>Import it without a key to rely on its hashes, or ask for a bundle signed with a key or a certificate.</source>
        <translation>请不使用密钥导入，依靠其哈希值校验；或索取用密钥或证书签名的传输包。</translation>
    </message>
    <message>
        <source>This bundle is signed, but verification needs the model-signing package.</source>
        <translation>该传输包已签名，但验证需要 model-signing 软件包。</translation>
    </message>
    <message>
        <source>{file} was made with a key ({signer}): give its public key, not a certificate chain.</source>
        <translation>{file} 是用密钥（{signer}）签署的：请提供其公钥，而不是证书链。</translation>
    </message>
    <message>
        <source>{file} was made with a certificate ({signer}): give the certificate chain you trust, not a public key.</source>
        <translation>{file} 是用证书（{signer}）签署的：请提供您信任的证书链，而不是公钥。</translation>
    </message>
    <message>
        <source>The signature is valid: signed by {signer}.</source>
        <translation>签名有效：签名者为 {signer}。</translation>
    </message>
    <message>
        <source>The bundle carries a keyless Sigstore signature by {signer}; it was not verified (that needs Sigstore&apos;s online services).</source>
        <translation>该传输包带有 {signer} 的无密钥 Sigstore 签名；它未被验证（验证需要 Sigstore 的在线服务）。</translation>
    </message>
    <message>
        <source>Its files matched the SHA-256 in its manifest.</source>
        <translation>其文件与清单中的 SHA-256 一致。</translation>
    </message>
    <message>
        <source>Give the signer&apos;s public key to verify it.</source>
        <translation>请提供签名者的公钥以进行验证。</translation>
    </message>
    <message>
        <source>Give the certificate chain you trust to verify it.</source>
        <translation>请提供您信任的证书链以进行验证。</translation>
    </message>
    <message>
        <source>The bundle is signed by {signer}; the signature was not verified.</source>
        <translation>该传输包由 {signer} 签名；签名未经验证。</translation>
    </message>
    <message>
        <source>{file} was not made with the key you gave.</source>
        <translation>{file} 不是用您提供的密钥签署的。</translation>
    </message>
    <message>
        <source>The signature does not match the bundle: {files} changed since it was signed.</source>
        <translation>签名与传输包不符：{files} 在签名后被改动过。</translation>
    </message>
    <message>
        <source>Nothing was imported. Ask the sender for the bundle again.</source>
        <translation>没有导入任何内容。请向发送方重新索取传输包。</translation>
    </message>
    <message>
        <source>{file} does not verify: {reason}</source>
        <translation>{file} 验证未通过：{reason}</translation>
    </message>
    <message>
        <source>Nothing was imported. Check that the key or certificates are the signer&apos;s.</source>
        <translation>没有导入任何内容。请确认密钥或证书属于签名者。</translation>
    </message>
    <message>
        <source>Signing a bundle needs the model-signing package.</source>
        <translation>为传输包签名需要 model-signing 软件包。</translation>
    </message>
    <message>
        <source>Cannot sign the bundle with {key}: {reason}</source>
        <translation>无法用 {key} 为传输包签名：{reason}</translation>
    </message>
    <message>
        <source>input[{index}] is {size:,} bytes, more than this model embeds at once ({n_ctx:,} tokens).</source>
        <translation>input[{index}] 有 {size:,} 字节，超过此模型一次能嵌入的量（{n_ctx:,} 个 token）。</translation>
    </message>
    <message>
        <source>input[{index}] holds the token {token}, outside this model&apos;s vocabulary of {n_vocab:,}.</source>
        <translation>input[{index}] 中包含 token {token}，超出了此模型 {n_vocab:,} 个 token 的词表范围。</translation>
    </message>
    <message>
        <source>input[{index}] has {tokens:,} tokens; this model embeds at most {n_ctx:,} at once.</source>
        <translation>input[{index}] 有 {tokens:,} 个 token；此模型一次最多嵌入 {n_ctx:,} 个。</translation>
    </message>
    <message>
        <source>This model was loaded for text generation; load an embedding model to embed text.</source>
        <translation>此模型是作为文本生成模型加载的；要嵌入文本，请加载嵌入模型。</translation>
    </message>
    <message>
        <source>This model&apos;s pooling is rank: it is a reranker, which scores pairs of texts and gives no embeddings.</source>
        <translation>此模型的池化方式为 rank：它是重排序模型，只给文本对打分，不生成嵌入。</translation>
    </message>
    <message>
        <source>The embedding was cancelled.</source>
        <translation>嵌入已取消。</translation>
    </message>
    <message>
        <source>Embedding input[{index}] failed: llama_decode returned {code}.</source>
        <translation>嵌入 input[{index}] 失败：llama_decode 返回了 {code}。</translation>
    </message>
    <message>
        <source>llama.cpp gave no embedding for this input.</source>
        <translation>llama.cpp 没有为此输入给出嵌入。</translation>
    </message>
    <message>
        <source>{file} is not a file of log-probabilities (llama-perplexity&apos;s --kl-divergence-base).</source>
        <translation>{file} 不是对数概率文件（llama-perplexity 的 --kl-divergence-base）。</translation>
    </message>
    <message>
        <source>The reference has a vocabulary of {reference:,} tokens and this model {model:,}: KL divergence needs the same tokenizer.</source>
        <translation>参考模型的词表有 {reference:,} 个 token，而此模型有 {model:,} 个：KL 散度需要相同的分词器。</translation>
    </message>
    <message>
        <source>This model was loaded for embeddings; perplexity needs a text model.</source>
        <translation>此模型是作为嵌入模型加载的；困惑度测试需要文本模型。</translation>
    </message>
    <message>
        <source>This model&apos;s vocabulary differs from the reference&apos;s (the same {n_vocab:,} ids, other token texts): KL divergence needs the same tokenizer.</source>
        <translation>此模型的词表与参考模型的不同（id 同为 {n_vocab:,} 个，但 token 文本不同）：KL 散度需要相同的分词器。</translation>
    </message>
    <message>
        <source>This model adds an end-of-sequence token to every text; llama-perplexity&apos;s method cannot score it.</source>
        <translation>此模型会在每段文本末尾添加序列结束 token；llama-perplexity 的方法无法为它计算困惑度。</translation>
    </message>
    <message>
        <source>The text has {tokens:,} tokens for this model; one chunk needs {n_ctx:,}. Use a longer text or a smaller context.</source>
        <translation>对此模型而言，该文本有 {tokens:,} 个 token；一个块需要 {n_ctx:,} 个。请使用更长的文本或更小的上下文。</translation>
    </message>
    <message>
        <source>The chunks hold {n_ctx:,} tokens but the model was loaded with a context of {loaded:,}.</source>
        <translation>每个块有 {n_ctx:,} 个 token，但模型加载时的上下文为 {loaded:,}。</translation>
    </message>
    <message>
        <source>Decoding chunk {chunk} failed: llama_decode returned {code}.</source>
        <translation>解码第 {chunk} 块失败：llama_decode 返回了 {code}。</translation>
    </message>
    <message>
        <source>The reference&apos;s log-probabilities for {chunks:,} chunks would take {size:,} bytes, more than the {limit:,} allowed here (at most {bound:,}, and 1 GiB of the disk is kept free); {fit:,} chunks fit. Use fewer chunks or a shorter text.</source>
        <translation>参考模型 {chunks:,} 个块的对数概率将占用 {size:,} 字节，超过此处允许的 {limit:,} 字节（最多 {bound:,} 字节，且须保留 1 GiB 磁盘空间）；只能容纳 {fit:,} 个块。请减少块数或使用更短的文本。</translation>
    </message>
    <message>
        <source>Choose at least one model to evaluate.</source>
        <translation>请至少选择一个要评测的模型。</translation>
    </message>
    <message>
        <source>Nothing was run; give a value inside that range.</source>
        <translation>没有运行任何内容；请给出该范围内的值。</translation>
    </message>
    <message>
        <source>{suite}: {items} items over {models} models</source>
        <translation>{suite}：{items} 个条目，{models} 个模型</translation>
    </message>
    <message>
        <source>There is no evaluation run #{run_id}.</source>
        <translation>没有评测运行 #{run_id}。</translation>
    </message>
    <message>
        <source>Runs #{a} and #{b} are of different suites (or versions of one): only runs of the same items compare.</source>
        <translation>运行 #{a} 和 #{b} 属于不同的评测集（或同一评测集的不同版本）：只有条目相同的运行才能比较。</translation>
    </message>
    <message>
        <source>Export as csv, json or html, not &apos;{format}&apos;.</source>
        <translation>请导出为 csv、json 或 html，而不是“{format}”。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Stopped; nothing was left behind.</source>
        <translation>已停止；没有留下任何残余文件。</translation>
    </message>
    <message>
        <source>texts[{index}] is {size:,} bytes, more than a context of {n_ctx:,} tokens holds.</source>
        <translation>texts[{index}] 有 {size:,} 字节，超出 {n_ctx:,} 个 token 的上下文所能容纳的量。</translation>
    </message>
    <message>
        <source>texts[{index}] has {tokens:,} tokens; the context holds {n_ctx:,}.</source>
        <translation>texts[{index}] 有 {tokens:,} 个 token；上下文只能容纳 {n_ctx:,} 个。</translation>
    </message>
    <message>
        <source>This model was loaded for embeddings; scoring answers needs a text model.</source>
        <translation>此模型是作为嵌入模型加载的；为答案评分需要文本模型。</translation>
    </message>
    <message>
        <source>The texts share no context to score their endings after (not even a start token).</source>
        <translation>这些文本没有可供对结尾评分的共同上下文（连起始 token 都没有）。</translation>
    </message>
    <message>
        <source>The scoring was cancelled.</source>
        <translation>评分已取消。</translation>
    </message>
    <message>
        <source>Scoring failed: llama_decode returned {code}.</source>
        <translation>评分失败：llama_decode 返回了 {code}。</translation>
    </message>
    <message>
        <source>equals &apos;{answer}&apos;</source>
        <translation>等于“{answer}”</translation>
    </message>
    <message>
        <source>&apos;{got}&apos; is not &apos;{expected}&apos;</source>
        <translation>“{got}”不是“{expected}”</translation>
    </message>
    <message>
        <source>contains &apos;{answer}&apos;</source>
        <translation>包含“{answer}”</translation>
    </message>
    <message>
        <source>does not contain &apos;{expected}&apos;</source>
        <translation>不包含“{expected}”</translation>
    </message>
    <message>
        <source>the pattern ran past {seconds:g} s on this reply (it backtracks catastrophically): simplify it</source>
        <translation>该模式在此回复上运行超过 {seconds:g} 秒（发生了灾难性回溯）：请简化它</translation>
    </message>
    <message>
        <source>no match for /{pattern}/</source>
        <translation>没有与 /{pattern}/ 匹配的内容</translation>
    </message>
    <message>
        <source>matched &apos;{text}&apos;</source>
        <translation>匹配到“{text}”</translation>
    </message>
    <message>
        <source>no answer letter ({letters}) found</source>
        <translation>没有找到答案字母（{letters}）</translation>
    </message>
    <message>
        <source>answered {letter}</source>
        <translation>回答了 {letter}</translation>
    </message>
    <message>
        <source>answered {letter}, expected {expected}</source>
        <translation>回答了 {letter}，正确答案为 {expected}</translation>
    </message>
    <message>
        <source>no JSON object in the reply</source>
        <translation>回复中没有 JSON 对象</translation>
    </message>
    <message>
        <source>does not match the schema at {where}: {error}</source>
        <translation>在 {where} 处不符合 schema：{error}</translation>
    </message>
    <message>
        <source>{key} is {got}, expected {expected}</source>
        <translation>{key} 为 {got}，应为 {expected}</translation>
    </message>
    <message>
        <source>valid JSON</source>
        <translation>有效的 JSON</translation>
    </message>
    <message>
        <source>valid JSON with the expected values</source>
        <translation>有效的 JSON，且值符合预期</translation>
    </message>
    <message>
        <source>no number in the reply</source>
        <translation>回复中没有数字</translation>
    </message>
    <message>
        <source>{tolerance:g}%</source>
        <translation>{tolerance:g}%</translation>
    </message>
    <message>
        <source>{tolerance:g}</source>
        <translation>{tolerance:g}</translation>
    </message>
    <message>
        <source>{got:g} is within {within} of {expected:g}</source>
        <translation>{got:g} 与 {expected:g} 的差距在 {within} 以内</translation>
    </message>
    <message>
        <source>{got:g} is not within {within} of {expected:g}</source>
        <translation>{got:g} 与 {expected:g} 的差距超出 {within}</translation>
    </message>
    <message>
        <source>chose {index} ({choice}), mean log-probability {mean:.3f}</source>
        <translation>选择了 {index}（{choice}），平均对数概率 {mean:.3f}</translation>
    </message>
    <message>
        <source>chose {index} ({choice}, {mean:.3f}) over {expected} ({right:.3f})</source>
        <translation>选择了 {index}（{choice}，{mean:.3f}），而不是 {expected}（{right:.3f}）</translation>
    </message>
    <message>
        <source>loading {name} ({done} of {total})</source>
        <translation>正在加载 {name}（{done}/{total}）</translation>
    </message>
    <message>
        <source>The model process stopped at item {id} (line {line}), after {done} of {total} items: {reason}</source>
        <translation>模型进程在条目 {id}（第 {line} 行）处停止，此时已完成 {done}/{total} 个条目：{reason}</translation>
    </message>
    <message>
        <source>A comparison is running; stop it first.</source>
        <translation>对比正在进行中；请先将其停止。</translation>
    </message>
    <message>
        <source>Compare some models first.</source>
        <translation>请先对比一些模型。</translation>
    </message>
    <message>
        <source>Something else probably used the machine (another program, thermal throttling, swapping): run it again with the machine idle.</source>
        <translation>可能有其他任务占用了本机（其他程序、过热降频、使用交换空间）：请在本机空闲时重新运行。</translation>
    </message>
    <message>
        <source>{test} is unsteady: its repetitions differ by {rsd:.0%} of the mean (a steady run stays under {limit:.0%}); repetition {rep} of {reps} ran at {sample:.2f} t/s against a median of {median:.2f} t/s.</source>
        <translation>{test} 不稳定：各次重复之间相差平均值的 {rsd:.0%}（稳定的运行应低于 {limit:.0%}）；第 {rep} 次重复（共 {reps} 次）为 {sample:.2f} t/s，而中位数为 {median:.2f} t/s。</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>{n} 个 token</translation>
    </message>
    <message>
        <source>{tps:.1f} tokens/s</source>
        <translation>{tps:.1f} token/秒</translation>
    </message>
    <message>
        <source>first token {ms:.0f} ms</source>
        <translation>首个 token {ms:.0f} ms</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>a tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>在结束前被停止。</translation>
    </message>
    <message>
        <source>Together: the {n} models stream at the same time.</source>
        <translation>同时运行：{n} 个模型一起流式输出。</translation>
    </message>
    <message>
        <source>One after another: the machine cannot hold {n} models at once (needs {needed}, has {has}).</source>
        <translation>依次运行：本机无法同时容纳 {n} 个模型（需要 {needed}，可用 {has}）。</translation>
    </message>
    <message>
        <source>Compare {low} to {high} models, not {n}.</source>
        <translation>请对比 {low} 到 {high} 个模型，而不是 {n} 个。</translation>
    </message>
    <message>
        <source>Each model can be compared once; choose different models.</source>
        <translation>每个模型只能参与一次对比；请选择不同的模型。</translation>
    </message>
    <message>
        <source>Write a prompt for the models to answer.</source>
        <translation>请输入供模型回答的提示词。</translation>
    </message>
    <message>
        <source>Model {letter}</source>
        <translation>模型 {letter}</translation>
    </message>
    <message>
        <source>Wait until every answer has ended, then vote.</source>
        <translation>请等待所有回答结束后再投票。</translation>
    </message>
    <message>
        <source>There is no column {n}.</source>
        <translation>没有第 {n} 列。</translation>
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
    <name>AuditPane</name>
    <message>
        <source>Every download, import, deletion, model load, server session, license decision and policy change, one line each, each line sealed with the hash of the one before. Kept in {0}.</source>
        <translation>每一次下载、导入、删除、模型加载、服务器会话、许可证决定和政策变更都记为一行，每行都用前一行的哈希值封存。保存在 {0}。</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>Show events from this date on</source>
        <translation>显示此日期及之后的事件</translation>
    </message>
    <message>
        <source>Search user, model, file, repository…</source>
        <translation>搜索用户、模型、文件、仓库…</translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation>搜索审计记录</translation>
    </message>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>验证哈希链(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>审计事件</translation>
    </message>
    <message>
        <source>The selected event, as recorded</source>
        <translation>所选事件的原始记录</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>模型加载</translation>
    </message>
    <message>
        <source>Server session</source>
        <translation>服务器会话</translation>
    </message>
    <message>
        <source>License verdict</source>
        <translation>许可证结论</translation>
    </message>
    <message>
        <source>License override</source>
        <translation>许可证例外放行</translation>
    </message>
    <message>
        <source>Policy change</source>
        <translation>政策变更</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Break (crash)</source>
        <translation>中断（崩溃）</translation>
    </message>
    <message>
        <source>policy “{0}”</source>
        <translation>政策“{0}”</translation>
    </message>
    <message>
        <source>{0} requests, {1} prompt + {2} completion tokens</source>
        <translation>{0} 个请求，{1} 个提示词 token + {2} 个生成 token</translation>
    </message>
    <message>
        <source>the line before was cut short ({0} bytes), as a crash while writing leaves it</source>
        <translation>上一行不完整（{0} 字节），写入时崩溃就会留下这样的行</translation>
    </message>
    <message>
        <source>{0} events shown.</source>
        <translation>显示了 {0} 个事件。</translation>
    </message>
    <message>
        <source>✓ The chain is whole: {0} events, each sealed with the hash of the one before.</source>
        <translation>✓ 哈希链完整：共 {0} 个事件，每个都用前一个的哈希值封存。</translation>
    </message>
    <message>
        <source>Line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <source>✗ The audit trail was changed after it was written:</source>
        <translation>✗ 审计记录在写入后被修改过：</translation>
    </message>
    <message>
        <source>✓ No sign of tampering ({0} events); the log marked these breaks itself after a crash:</source>
        <translation>✓ 没有被篡改的迹象（{0} 个事件）；以下中断是日志在崩溃后自行标记的：</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported {0} events to {1}.</source>
        <translation>已将 {0} 个事件导出到 {1}。</translation>
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
        <source>Experts on CPU (layers)</source>
        <translation>CPU 上的专家（层数）</translation>
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
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <source>Run this benchmark again with the same model and settings</source>
        <translation>用相同的模型和参数再次运行此基准测试</translation>
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
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>机群</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评测</translation>
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
        <source>{0} · {1} s</source>
        <translation>{0} · {1} 秒</translation>
    </message>
    <message>
        <source>this run so far</source>
        <translation>本次运行（进行中）</translation>
    </message>
    <message>
        <source>The synthetic model stays in {0} ({1}) for the next run; Settings › Storage can clear the cache.</source>
        <translation>合成模型保存在 {0}（{1}），供下次运行使用；可在“设置 › 存储”中清除缓存。</translation>
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
    <name>CacheRow</name>
    <message>
        <source>Clear cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Delete the synthetic benchmark models and everything else kept in the cache folder</source>
        <translation>删除合成的基准测试模型以及缓存文件夹中的其他所有内容</translation>
    </message>
    <message>
        <source>{0} in {1}</source>
        <translation>{0}，位于 {1}</translation>
    </message>
    <message>
        <source>Delete {0} in {1}? Synthetic benchmark models are made again when next needed (minutes for the 1B shape).</source>
        <translation>删除 {1} 中的内容（{0}）？合成的基准测试模型会在下次需要时重新生成（1B 结构需要几分钟）。</translation>
    </message>
    <message>
        <source>Freed {0}.</source>
        <translation>已释放 {0}。</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Exported the conversation to {0}.</source>
        <translation>已将会话导出到 {0}。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Loaded model</source>
        <translation>已加载的模型</translation>
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
    <message>
        <source>No model loaded.</source>
        <translation>没有加载模型。</translation>
    </message>
    <message>
        <source>● {0} · {1}</source>
        <translation>● {0} · {1}</translation>
    </message>
    <message>
        <source>{0:,.0f} MiB held (weights, cache and buffers)</source>
        <translation>占用 {0:,.0f} MiB（权重、缓存和缓冲区）</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>未报告内存占用</translation>
    </message>
    <message>
        <source>shared with the server</source>
        <translation>与服务器共用</translation>
    </message>
    <message>
        <source>● {0} · {1} · {2}{3}</source>
        <translation>● {0} · {1} · {2}{3}</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <source>Column {0} model</source>
        <translation>第 {0} 列的模型</translation>
    </message>
    <message>
        <source>Column {0} statistics</source>
        <translation>第 {0} 列的统计</translation>
    </message>
    <message>
        <source>Column {0} answer</source>
        <translation>第 {0} 列的回答</translation>
    </message>
    <message>
        <source>This one is better</source>
        <translation>这个更好</translation>
    </message>
    <message>
        <source>Column {0} is better</source>
        <translation>第 {0} 列更好</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>answering…</source>
        <translation>回答中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{0} tokens</source>
        <translation>{0} 个 token</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} token/秒</translation>
    </message>
    <message>
        <source>first token {0:.0f} ms</source>
        <translation>首个 token {0:.0f} ms</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Saved comparisons</source>
        <translation>已保存的对比</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>导出此对比</translation>
    </message>
    <message>
        <source>Model {0}</source>
        <translation>模型 {0}</translation>
    </message>
    <message>
        <source>Blind (hide the names until the vote)</source>
        <translation>盲测（投票前隐藏模型名称）</translation>
    </message>
    <message>
        <source>Blind mode</source>
        <translation>盲测模式</translation>
    </message>
    <message>
        <source>max tokens </source>
        <translation>最大 token 数 </translation>
    </message>
    <message>
        <source>Maximum tokens per answer</source>
        <translation>每个回答的最大 token 数</translation>
    </message>
    <message>
        <source>System prompt (optional)</source>
        <translation>系统提示词（可选）</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>The prompt every model answers</source>
        <translation>每个模型都要回答的提示词</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the prompt to every model</source>
        <translation>将提示词发送给每个模型</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop every answer</source>
        <translation>停止所有回答</translation>
    </message>
    <message>
        <source>Choose 2 to 4 models and write a prompt.</source>
        <translation>请选择 2 到 4 个模型并输入提示词。</translation>
    </message>
    <message>
        <source>Comparison status</source>
        <translation>对比状态</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <source>Neither is better: a tie</source>
        <translation>不分高下：平局</translation>
    </message>
    <message>
        <source>A note on your choice (optional)</source>
        <translation>为您的选择添加备注（可选）</translation>
    </message>
    <message>
        <source>Note on the vote</source>
        <translation>投票备注</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{0} — remote</source>
        <translation>{0} — 远程</translation>
    </message>
    <message>
        <source>Checking whether the machine holds every model at once…</source>
        <translation>正在检查本机能否同时容纳所有模型…</translation>
    </message>
    <message>
        <source> (remote)</source>
        <translation>（远程）</translation>
    </message>
    <message>
        <source>Saved: a tie.</source>
        <translation>已保存：平局。</translation>
    </message>
    <message>
        <source>Saved: {0} is better.</source>
        <translation>已保存：{0} 更好。</translation>
    </message>
    <message>
        <source>A comparison is running; it can be reopened when it ends.</source>
        <translation>对比正在进行中；结束后即可重新打开。</translation>
    </message>
    <message>
        <source>A saved comparison from {0}, read-only. {1}</source>
        <translation>保存于 {0} 的对比，只读。{1}</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>导出对比</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation>未导出：{0}</translation>
    </message>
    <message>
        <source>Exported the comparison to {0}.</source>
        <translation>已将对比导出到 {0}。</translation>
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
    <name>CostChart</name>
    <message>
        <source>Cost per million output tokens vs throughput</source>
        <translation>每百万输出 token 成本与吞吐量</translation>
    </message>
    <message>
        <source>Enter cost inputs to see the cost chart</source>
        <translation>输入成本参数后即可查看成本图表</translation>
    </message>
    <message>
        <source>output tokens per second</source>
        <translation>每秒输出 token 数</translation>
    </message>
    <message>
        <source>cost / million tokens</source>
        <translation>成本 / 百万 token</translation>
    </message>
</context>
<context>
    <name>CostForm</name>
    <message>
        <source>Cost inputs per machine</source>
        <translation>各机器的成本参数</translation>
    </message>
    <message>
        <source>Machine whose cost inputs are shown</source>
        <translation>显示其成本参数的机器</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Concurrency to cost</source>
        <translation>用于计算成本的并发数</translation>
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
        <source>PUE (at least 1)</source>
        <translation>PUE（至少为 1）</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Cost at</source>
        <translation>成本计算基准</translation>
    </message>
    <message>
        <source>Save cost inputs</source>
        <translation>保存成本参数</translation>
    </message>
    <message>
        <source>best that meets the SLO</source>
        <translation>满足 SLO 的最佳档位</translation>
    </message>
    <message>
        <source>concurrency {0}</source>
        <translation>并发数 {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>未保存：{0}</translation>
    </message>
    <message>
        <source>Saved for {0}.</source>
        <translation>已为 {0} 保存。</translation>
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
        <source>1 repository</source>
        <translation>1 个仓库</translation>
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
        <source>The download of {0} was cancelled.</source>
        <translation>{0} 的下载已取消。</translation>
    </message>
    <message>
        <source>The download of {0} failed: {1}</source>
        <translation>{0} 下载失败：{1}</translation>
    </message>
    <message>
        <source>{0} is downloaded and verified: it is in the Library.</source>
        <translation>{0} 已下载并通过校验：已在“模型库”中。</translation>
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
        <source>A reason is needed</source>
        <translation>需要说明理由</translation>
    </message>
    <message>
        <source>{0}

Your organisation asks why you may use it. The reason is kept in the audit trail with your name.</source>
        <translation>{0}

您所在组织要求说明您可以使用它的理由。该理由会连同您的用户名保存在审计记录中。</translation>
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
        <source>✓ downloaded and verified</source>
        <translation>✓ 已下载并通过校验</translation>
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
    <message>
        <source>Open in Chat</source>
        <translation>在“对话”中打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Take finished downloads off this list (the models stay in the library).</source>
        <translation>从列表中清除已完成的下载（模型仍保留在模型库中）。</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Cancel and delete the {0:,.0f} MiB downloaded so far? Pause keeps them to resume later.</source>
        <translation>取消下载并删除目前已下载的 {0:,.0f} MiB？选择“暂停”则会保留它们，以便稍后继续。</translation>
    </message>
</context>
<context>
    <name>EndpointDialog</name>
    <message>
        <source>Edit endpoint</source>
        <translation>编辑端点</translation>
    </message>
    <message>
        <source>Add an endpoint</source>
        <translation>添加端点</translation>
    </message>
    <message>
        <source>Any server that speaks the OpenAI API: vLLM, vLLM-Ascend, MindIE, TGI, llama-server, Ollama, or another Hangar.</source>
        <translation>任何支持 OpenAI API 的服务器：vLLM、vLLM-Ascend、MindIE、TGI、llama-server、Ollama，或另一个 Hangar。</translation>
    </message>
    <message>
        <source>Endpoint name</source>
        <translation>端点名称</translation>
    </message>
    <message>
        <source>A short name, e.g. cluster-a</source>
        <translation>简短的名称，例如 cluster-a</translation>
    </message>
    <message>
        <source>Endpoint address</source>
        <translation>端点地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring; leave empty to keep it</source>
        <translation>系统密钥环中已保存密钥；留空则保持不变</translation>
    </message>
    <message>
        <source>Optional; kept in the system keyring, never shown again</source>
        <translation>可选；保存在系统密钥环中，之后不再显示</translation>
    </message>
    <message>
        <source>Remove the stored key</source>
        <translation>移除已保存的密钥</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Optional: your organisation&apos;s CA certificates (a PEM file)</source>
        <translation>可选：您所在组织的 CA 证书（PEM 文件）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>选择 CA 证书包</translation>
    </message>
    <message>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>验证服务器的 TLS 证书</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Prompts and replies to this endpoint&apos;s models leave this machine.</source>
        <translation>发送给此端点模型的提示词及其回复会离开本机。</translation>
    </message>
    <message>
        <source>Asking the endpoint for its models…</source>
        <translation>正在向端点查询其模型…</translation>
    </message>
    <message>
        <source>It answers, with {0} models: {1}</source>
        <translation>连接成功，共有 {0} 个模型：{1}</translation>
    </message>
    <message>
        <source>It answers, but lists no models.</source>
        <translation>连接成功，但没有列出任何模型。</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>EndpointsBox</name>
    <message>
        <source>Remote endpoints</source>
        <translation>远程端点</translation>
    </message>
    <message>
        <source>OpenAI-compatible servers elsewhere (a vLLM or MindIE cluster, a GPU box, a cloud instance): their models appear in Chat beside the local ones. Prompts and replies to them leave this machine. API keys are kept in the system keyring.</source>
        <translation>其他位置的 OpenAI 兼容服务器（vLLM 或 MindIE 集群、GPU 服务器、云实例）：它们的模型会与本地模型一起出现在“对话”中。发送给它们的提示词和回复会离开本机。API 密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add an endpoint</source>
        <translation>添加端点</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the endpoint</source>
        <translation>编辑端点</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the endpoint</source>
        <translation>移除端点</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Ask the endpoint for its models and keep the list</source>
        <translation>向端点查询其模型并保存列表</translation>
    </message>
    <message>
        <source>Remove endpoint</source>
        <translation>移除端点</translation>
    </message>
    <message>
        <source>Remove the endpoint {0} and its API key?</source>
        <translation>移除端点 {0} 及其 API 密钥？</translation>
    </message>
    <message>
        <source>{0} was removed, with its key.</source>
        <translation>已移除 {0} 及其密钥。</translation>
    </message>
    <message>
        <source>Asking {0} for its models…</source>
        <translation>正在向 {0} 查询其模型…</translation>
    </message>
    <message>
        <source>{0} answers, with {1} models: {2}</source>
        <translation>{0} 连接成功，共有 {1} 个模型：{2}</translation>
    </message>
    <message>
        <source>{0} answers, but lists no models.</source>
        <translation>{0} 连接成功，但没有列出任何模型。</translation>
    </message>
</context>
<context>
    <name>EndpointsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>in the keyring</source>
        <translation>在密钥环中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>{0} (read {1})</source>
        <translation>{0} 个（读取于 {1}）</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>不验证</translation>
    </message>
    <message>
        <source>CA bundle: {0}</source>
        <translation>CA 证书包：{0}</translation>
    </message>
    <message>
        <source>system CAs</source>
        <translation>系统 CA</translation>
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
    <name>EvalChart</name>
    <message>
        <source>Accuracy of each run with its 95% interval</source>
        <translation>每次运行的准确率及其 95% 区间</translation>
    </message>
    <message>
        <source>{0}: {1:.1f}%</source>
        <translation>{0}：{1:.1f}%</translation>
    </message>
    <message>
        <source>items right</source>
        <translation>答对的条目</translation>
    </message>
    <message>
        <source>Accuracy with its 95% interval (Wilson), per run</source>
        <translation>各次运行的准确率及其 95% 区间（Wilson）</translation>
    </message>
    <message>
        <source>No evaluation runs yet</source>
        <translation>还没有评测运行</translation>
    </message>
</context>
<context>
    <name>EvalTab</name>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{0} vs {1}: no significant difference (p = {2:.3g}; only one was right on {3} and {4} items)</source>
        <translation>{0} 与 {1}：无显著差异（p = {2:.3g}；仅一方答对的条目分别为 {3} 个和 {4} 个）</translation>
    </message>
    <message>
        <source>{0} is better than {1} (p = {2:.3g}, McNemar&apos;s exact test over {3} items)</source>
        <translation>{0} 优于 {1}（p = {2:.3g}，基于 {3} 个条目的 McNemar 精确检验）</translation>
    </message>
    <message>
        <source>Suite</source>
        <translation>评测集</translation>
    </message>
    <message>
        <source>Evaluation suite</source>
        <translation>评测集</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>A suite of your own: one JSON object per line (docs/eval-suites.md)</source>
        <translation>您自己的评测集：每行一个 JSON 对象（docs/eval-suites.md）</translation>
    </message>
    <message>
        <source>Reading the suites…</source>
        <translation>正在读取评测集…</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models to evaluate</source>
        <translation>要评测的模型</translation>
    </message>
    <message>
        <source>Each model loads in turn; every item is asked with greedy sampling (temperature 0, seed 0).</source>
        <translation>各模型依次加载；每个条目都使用贪心采样提问（温度 0，种子 0）。</translation>
    </message>
    <message>
        <source>Tokens per reply</source>
        <translation>每个回复的 token 数</translation>
    </message>
    <message>
        <source>For the items and suites that set no max_tokens of their own</source>
        <translation>用于自身未设置 max_tokens 的条目和评测集</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Evaluation progress</source>
        <translation>评测进度</translation>
    </message>
    <message>
        <source>Choose a suite and tick the models to compare.</source>
        <translation>请选择评测集，并勾选要对比的模型。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个 token 延迟</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accuracy of each model</source>
        <translation>各模型的准确率</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>Scorer</source>
        <translation>评分器</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <source>Each item&apos;s reply and score</source>
        <translation>每个条目的回复和得分</translation>
    </message>
    <message>
        <source>The selected item&apos;s whole reply</source>
        <translation>所选条目的完整回复</translation>
    </message>
    <message>
        <source>Select an item to read its whole reply.</source>
        <translation>选择一个条目以查看其完整回复。</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>History: select runs to compare or export them</source>
        <translation>历史记录：选择多次运行进行对比或导出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The runs shown, as a self-contained HTML report, CSV or JSON</source>
        <translation>将显示的运行导出为独立的 HTML 报告、CSV 或 JSON</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stored evaluation runs</source>
        <translation>已保存的评测运行</translation>
    </message>
    <message>
        <source>{0} ({1} items)</source>
        <translation>{0}（{1} 条）</translation>
    </message>
    <message>
        <source>{0} ({1} items) — {2}</source>
        <translation>{0}（{1} 条）— {2}</translation>
    </message>
    <message>
        <source>Open an evaluation suite</source>
        <translation>打开评测集</translation>
    </message>
    <message>
        <source>Evaluation suites (*.jsonl);;All files (*)</source>
        <translation>评测集 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No suite chosen.</source>
        <translation>未选择评测集。</translation>
    </message>
    <message>
        <source>Choose a suite and tick at least one model.</source>
        <translation>请选择评测集，并至少勾选一个模型。</translation>
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
        <source>{0} ({1} of {2}): item {3} of {4}, {5} right</source>
        <translation>{0}（第 {1}/{2} 个模型）：第 {3}/{4} 个条目，答对 {5} 个</translation>
    </message>
    <message>
        <source>Cancelled: what was measured is stored.</source>
        <translation>已取消：已测得的结果已保存。</translation>
    </message>
    <message>
        <source>Finished: the run is stored.</source>
        <translation>完成：本次运行已保存。</translation>
    </message>
    <message>
        <source>Finished: {0} runs stored.</source>
        <translation>完成：已保存 {0} 次运行。</translation>
    </message>
    <message>
        <source>Run a suite or select stored runs to export them.</source>
        <translation>请先运行评测集，或选择已保存的运行，再进行导出。</translation>
    </message>
    <message>
        <source>Export the runs</source>
        <translation>导出运行</translation>
    </message>
    <message>
        <source>HTML report (*.html);;CSV (*.csv);;JSON (*.json)</source>
        <translation>HTML 报告 (*.html);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
</context>
<context>
    <name>ExpertsOnCpu</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Experts on CPU (layers)</source>
        <translation>CPU 上的专家（层数）</translation>
    </message>
    <message>
        <source>Mixture-of-experts models: keep the expert weights of this many layers, from the first, in system RAM so the rest fits the GPU. Auto lets Hangar choose the fewest that fit.</source>
        <translation>混合专家模型：从第一层起，将这么多层的专家权重保留在系统内存中，使其余部分能放进 GPU。选择“自动”时，Hangar 会选出能放下所需的最少层数。</translation>
    </message>
</context>
<context>
    <name>FleetTab</name>
    <message>
        <source>single stream</source>
        <translation>单流</translation>
    </message>
    <message>
        <source>concurrency {0}</source>
        <translation>并发数 {0}</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Run files (hangar.run/1) from hangar-cli bench --json or bench-serve --json on other machines</source>
        <translation>在其他机器上用 hangar-cli bench --json 或 bench-serve --json 生成的运行文件（hangar.run/1）</translation>
    </message>
    <message>
        <source>Add this machine&apos;s latest run</source>
        <translation>添加本机的最新运行</translation>
    </message>
    <message>
        <source>Remove run</source>
        <translation>移除运行</translation>
    </message>
    <message>
        <source>Concurrency shown and costed</source>
        <translation>显示并计算成本的并发数</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
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
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Import run files from other machines to compare them with this one.</source>
        <translation>导入其他机器的运行文件，与本机进行对比。</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Output tok/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <source>Goodput</source>
        <translation>有效吞吐</translation>
    </message>
    <message>
        <source>TTFT median</source>
        <translation>TTFT 中位数</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>TPOT median</source>
        <translation>TPOT 中位数</translation>
    </message>
    <message>
        <source>TPOT p99</source>
        <translation>TPOT p99</translation>
    </message>
    <message>
        <source>ITL median</source>
        <translation>ITL 中位数</translation>
    </message>
    <message>
        <source>J/token</source>
        <translation>焦耳/token</translation>
    </message>
    <message>
        <source>Machines side by side (latencies in ms)</source>
        <translation>各机器并列对比（延迟单位为 ms）</translation>
    </message>
    <message>
        <source>Costed at</source>
        <translation>成本计算基准</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Total / million tokens</source>
        <translation>合计 / 百万 token</translation>
    </message>
    <message>
        <source>Cost per million output tokens per machine</source>
        <translation>各机器每百万输出 token 的成本</translation>
    </message>
    <message>
        <source>Cost vs throughput</source>
        <translation>成本与吞吐量</translation>
    </message>
    <message>
        <source>TTFT vs concurrency</source>
        <translation>TTFT 与并发数</translation>
    </message>
    <message>
        <source>TPOT vs concurrency</source>
        <translation>TPOT 与并发数</translation>
    </message>
    <message>
        <source>{0} run(s) from {1} machine(s). Select a row and Remove run to drop one.</source>
        <translation>来自 {1} 台机器的 {0} 次运行。选中一行并点击“移除运行”即可将其删除。</translation>
    </message>
    <message>
        <source>every level</source>
        <translation>所有档位</translation>
    </message>
    <message>
        <source>Time to first token (median solid, p99 dashed)</source>
        <translation>首个 token 延迟（实线为中位数，虚线为 p99）</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT（ms）</translation>
    </message>
    <message>
        <source>Time per output token (median solid, p99 dashed)</source>
        <translation>每个输出 token 的耗时（实线为中位数，虚线为 p99）</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT（ms）</translation>
    </message>
    <message>
        <source>Import run files</source>
        <translation>导入运行文件</translation>
    </message>
    <message>
        <source>Run files (*.json);;All files (*)</source>
        <translation>运行文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {0} file(s)…</source>
        <translation>正在读取 {0} 个文件…</translation>
    </message>
    <message>
        <source>Imported {0} of {1} file(s).</source>
        <translation>已导入 {0}/{1} 个文件。</translation>
    </message>
    <message>
        <source>Added this machine&apos;s latest benchmark as run #{0} (a single stream).</source>
        <translation>已将本机最新的基准测试添加为运行 #{0}（单流）。</translation>
    </message>
    <message>
        <source>Removed {0} run(s).</source>
        <translation>已移除 {0} 次运行。</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
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
        <source>Save report</source>
        <translation>保存报告</translation>
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
        <source>Detecting</source>
        <translation>正在检测</translation>
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
        <source>Detecting the processor, memory, disk and accelerators…</source>
        <translation>正在检测处理器、内存、磁盘和加速器…</translation>
    </message>
    <message>
        <source>Probing the llama.cpp runtimes (CPU, CUDA, CANN), each in its own process…</source>
        <translation>正在探测 llama.cpp 运行时（CPU、CUDA、CANN），每个都在独立的进程中…</translation>
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
    <name>LatencyChart</name>
    <message>
        <source>Import serving runs to see latency against concurrency</source>
        <translation>导入服务基准测试的运行后，即可查看延迟随并发数的变化</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>并发数</translation>
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
        <source>Import a bundle…</source>
        <translation>导入传输包…</translation>
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
        <source>Export for another machine…</source>
        <translation>导出到其他机器…</translation>
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
        <source>At a 4,096-token context it {0}.</source>
        <translation>在 4,096 个 token 的上下文下，它{0}。</translation>
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
        <source>Locked: the policy your administrator installed cannot be used, so downloads are refused: {0}</source>
        <translation>已锁定：管理员安装的政策无法使用，因此下载会被拒绝：{0}</translation>
    </message>
    <message>
        <source>Locked: managed by your administrator ({0}); it cannot be changed here.</source>
        <translation>已锁定：由管理员管理（{0}）；无法在此处修改。</translation>
    </message>
    <message>
        <source>Your administrator manages the license policy.</source>
        <translation>许可证政策由管理员管理。</translation>
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
        <source>Experts on CPU</source>
        <translation>CPU 上的专家</translation>
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
        <source>{0} — remote: {1}</source>
        <translation>{0} — 远程：{1}</translation>
    </message>
    <message>
        <source>Runs on the endpoint {0} at {1}, not on this machine.</source>
        <translation>在位于 {1} 的端点 {0} 上运行，而不是在本机上。</translation>
    </message>
    <message>
        <source>No models yet: download one in Discover or import a GGUF file in the Library.</source>
        <translation>还没有模型：请在“发现”中下载一个，或在“模型库”中导入 GGUF 文件。</translation>
    </message>
    <message>
        <source>Prompts and replies to this model leave this machine and go to {0}.</source>
        <translation>发送给此模型的提示词及其回复会离开本机，发送到 {0}。</translation>
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
        <source>{0} on the endpoint {1} is ready. Prompts and replies to this model leave this machine and go to {2}.</source>
        <translation>端点 {1} 上的 {0} 已就绪。发送给此模型的提示词及其回复会离开本机，发送到 {2}。</translation>
    </message>
    <message>
        <source>Top-k, min-p and the repeat penalty are llama.cpp&apos;s own and are not sent to it.</source>
        <translation>Top-k、Min-p 和重复惩罚是 llama.cpp 特有的参数，不会发送给它。</translation>
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
        <source>Memory plan: {0}.</source>
        <translation>内存方案：{0}。</translation>
    </message>
    <message>
        <source>The experts of {0} layers are in RAM ({1} tensors moved there).</source>
        <translation>{0} 层的专家权重放在内存中（共移动了 {1} 个张量）。</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>需要说明理由</translation>
    </message>
    <message>
        <source>{0}

Your organisation asks why you may use it. The reason is kept in the audit trail with your name.</source>
        <translation>{0}

您所在组织要求说明您可以使用它的理由。该理由会连同您的用户名保存在审计记录中。</translation>
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
    <name>NetworkBox</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>For closed networks: an internal Hugging Face mirror (Artifactory, Nexus), a proxy, and your organisation&apos;s certificates. Every search, card, license check and download uses them.</source>
        <translation>适用于封闭网络：内部的 Hugging Face 镜像（Artifactory、Nexus）、代理，以及您所在组织的证书。所有搜索、模型卡片、许可证检查和下载都会使用这些设置。</translation>
    </message>
    <message>
        <source>https://huggingface.co (or HF_ENDPOINT)</source>
        <translation>https://huggingface.co（或 HF_ENDPOINT）</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128 (empty: the system&apos;s)</source>
        <translation>http://proxy.example.com:3128（留空：使用系统设置）</translation>
    </message>
    <message>
        <source>PEM file of your organisation&apos;s CA (empty: the system&apos;s)</source>
        <translation>您所在组织的 CA 证书 PEM 文件（留空：使用系统 CA）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the CA bundle</source>
        <translation>选择 CA 证书包</translation>
    </message>
    <message>
        <source>Hub &amp;endpoint:</source>
        <translation>Hub 端点(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>CA 证书包(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Apply network settings</source>
        <translation>应用网络设置(&amp;A)</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Saved: Hub calls and downloads go to {0}.</source>
        <translation>已保存：Hub 请求和下载将发往 {0}。</translation>
    </message>
    <message>
        <source>the default Hub</source>
        <translation>默认 Hub</translation>
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
        <source>Compare</source>
        <translation>对比</translation>
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
        <source>Audit</source>
        <translation>审计</translation>
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
        <source>{0} (changed)</source>
        <translation>{0}（已修改）</translation>
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
        <source>On this machine</source>
        <translation>本机状态</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>*This repository is gated: its model card and files open once you accept its terms on the Hub (huggingface.co/{0}) and add your Hugging Face token here (Enter token…).*</source>
        <translation>*此仓库需要授权：在 Hub 上（huggingface.co/{0}）接受其条款，并在此处添加您的 Hugging Face 令牌（输入令牌…）后，即可查看其模型卡片和文件。*</translation>
    </message>
    <message>
        <source>*This repository has no model card.*</source>
        <translation>*此仓库没有模型卡片。*</translation>
    </message>
    <message>
        <source>✓ downloaded</source>
        <translation>✓ 已下载</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>downloading{0}</source>
        <translation>下载中{0}</translation>
    </message>
    <message>
        <source>paused{0}</source>
        <translation>已暂停{0}</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ 失败</translation>
    </message>
    <message>
        <source>✗ hash mismatch</source>
        <translation>✗ 哈希不匹配</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
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
        <source>(experts in RAM)</source>
        <translation>（专家权重在内存中）</translation>
    </message>
    <message>
        <source>(part in RAM)</source>
        <translation>（部分在内存中）</translation>
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
        <source>, also used by Chat</source>
        <translation>，“对话”也在使用</translation>
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
    <name>ServingChart</name>
    <message>
        <source>concurrency (requests in flight)</source>
        <translation>并发数（同时处理的请求）</translation>
    </message>
</context>
<context>
    <name>ServingTab</name>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>time to first token</source>
        <translation>首个 token 延迟</translation>
    </message>
    <message>
        <source>time per output token after the first</source>
        <translation>首个 token 之后每个输出 token 的耗时</translation>
    </message>
    <message>
        <source>gap between two streamed chunks</source>
        <translation>两个流式数据块之间的间隔</translation>
    </message>
    <message>
        <source>end-to-end latency of a request</source>
        <translation>单个请求的端到端延迟</translation>
    </message>
    <message>
        <source>{0}: mean {1} ms, p90 {2} ms, standard deviation {3} ms</source>
        <translation>{0}：平均 {1} ms，p90 {2} ms，标准差 {3} ms</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>output tokens/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <source>total tokens/s (prompt + output)</source>
        <translation>总 token/秒（提示词 + 输出）</translation>
    </message>
    <message>
        <source>Run serving benchmark</source>
        <translation>运行服务基准测试</translation>
    </message>
    <message>
        <source>What to measure</source>
        <translation>测量对象</translation>
    </message>
    <message>
        <source>Endpoint to measure</source>
        <translation>要测量的端点</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>none; kept only for this run</source>
        <translation>无；仅用于本次运行</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Model to measure</source>
        <translation>要测量的模型</translation>
    </message>
    <message>
        <source>Read its models</source>
        <translation>读取模型列表</translation>
    </message>
    <message>
        <source>Ask the endpoint for its models (GET /v1/models)</source>
        <translation>向端点查询其模型（GET /v1/models）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Load (as vllm bench serve)</source>
        <translation>负载（同 vllm bench serve）</translation>
    </message>
    <message>
        <source>Requests in flight at once, one level after another</source>
        <translation>同时处理的请求数，逐个档位依次进行</translation>
    </message>
    <message>
        <source>Concurrency levels</source>
        <translation>并发档位</translation>
    </message>
    <message>
        <source>Random prompts of exactly this many tokens, as the endpoint&apos;s own tokenizer counts them</source>
        <translation>恰好为这么多 token 的随机提示词，按端点自身的分词器计数</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示词 token 数</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token 数</translation>
    </message>
    <message>
        <source>Requests per level</source>
        <translation>每档请求数</translation>
    </message>
    <message>
        <source>Arrival rate (req/s)</source>
        <translation>到达率（请求/秒）</translation>
    </message>
    <message>
        <source>API route</source>
        <translation>API 路由</translation>
    </message>
    <message>
        <source>this machine&apos;s name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <source>The name the Fleet tab shows for this run (default: a saved endpoint&apos;s name, else this machine&apos;s)</source>
        <translation>“机群”选项卡中此运行显示的名称（默认：已保存端点的名称，否则为本机名称）</translation>
    </message>
    <message>
        <source>Name in the fleet</source>
        <translation>在机群中的名称</translation>
    </message>
    <message>
        <source>Goodput: requests that meet</source>
        <translation>有效吞吐：满足以下条件的请求</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>TTFT at most (ms)</source>
        <translation>TTFT 上限（ms）</translation>
    </message>
    <message>
        <source>TPOT at most (ms)</source>
        <translation>TPOT 上限（ms）</translation>
    </message>
    <message>
        <source>End-to-end at most (ms)</source>
        <translation>端到端延迟上限（ms）</translation>
    </message>
    <message>
        <source>Progress of the serving benchmark</source>
        <translation>服务基准测试的进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a target and a model, then Run: each level sends its requests and the table fills in.</source>
        <translation>选择目标和模型，然后点击运行：每个档位发送各自的请求，结果会逐行填入表格。</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>all at once</source>
        <translation>一次全部发出</translation>
    </message>
    <message>
        <source>Arrivals per second (Poisson); 0: all at once, a closed loop. At most the level&apos;s concurrency in flight.</source>
        <translation>每秒到达的请求数（泊松分布）；0 表示一次全部发出，即闭环。同时处理的请求数最多为该档位的并发数。</translation>
    </message>
    <message>
        <source>Done /
failed</source>
        <translation>完成 /
失败</translation>
    </message>
    <message>
        <source>Requests
per s</source>
        <translation>每秒
请求数</translation>
    </message>
    <message>
        <source>Output
tok/s</source>
        <translation>输出
token/秒</translation>
    </message>
    <message>
        <source>The endpoint sent no usage: counted from the streamed chunks</source>
        <translation>端点没有返回 usage：按流式数据块计数</translation>
    </message>
    <message>
        <source>TTFT ms
median / p99</source>
        <translation>TTFT（ms）
中位数 / p99</translation>
    </message>
    <message>
        <source>TPOT ms
median / p99</source>
        <translation>TPOT（ms）
中位数 / p99</translation>
    </message>
    <message>
        <source>ITL ms
median / p99</source>
        <translation>ITL（ms）
中位数 / p99</translation>
    </message>
    <message>
        <source>E2EL ms
median / p99</source>
        <translation>E2EL（ms）
中位数 / p99</translation>
    </message>
    <message>
        <source>Goodput
req/s</source>
        <translation>有效吞吐
请求/秒</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Results per concurrency level (latencies in ms)</source>
        <translation>各并发档位的结果（延迟单位为 ms）</translation>
    </message>
    <message>
        <source>Throughput vs concurrency</source>
        <translation>吞吐量与并发数</translation>
    </message>
    <message>
        <source>TTFT vs concurrency</source>
        <translation>TTFT 与并发数</translation>
    </message>
    <message>
        <source>TPOT vs concurrency</source>
        <translation>TPOT 与并发数</translation>
    </message>
    <message>
        <source>The last serving run on this machine (fleet run #{0}).</source>
        <translation>本机最近一次服务基准测试（机群运行 #{0}）。</translation>
    </message>
    <message>
        <source>Hangar&apos;s server on this machine</source>
        <translation>本机上的 Hangar 服务器</translation>
    </message>
    <message>
        <source>{0} — remote ({1})</source>
        <translation>{0} — 远程（{1}）</translation>
    </message>
    <message>
        <source>Prompts and replies leave this machine and go to {0}.</source>
        <translation>提示词和回复会离开本机，发送到 {0}。</translation>
    </message>
    <message>
        <source>Another address…</source>
        <translation>其他地址…</translation>
    </message>
    <message>
        <source> (synthetic weights)</source>
        <translation>（合成权重）</translation>
    </message>
    <message>
        <source>Runs on the endpoint {0} at {1}, not on this machine.</source>
        <translation>在位于 {1} 的端点 {0} 上运行，而不是在本机上。</translation>
    </message>
    <message>
        <source>Read its models, or type a name</source>
        <translation>读取模型列表，或输入名称</translation>
    </message>
    <message>
        <source>the first it lists</source>
        <translation>它列出的第一个模型</translation>
    </message>
    <message>
        <source>Hangar&apos;s server in this window is running at {0}: the benchmark uses it as it is, with its {1} parallel sequence(s); levels above that wait in its queue.</source>
        <translation>此窗口中的 Hangar 服务器正在 {0} 运行：基准测试按其现有配置使用它，并行序列数为 {1}；超出该数量的档位会在其队列中等待。</translation>
    </message>
    <message>
        <source>Hangar&apos;s server is started for the run on 127.0.0.1, with as many parallel sequences as the highest level, and stopped after it. The model is loaded before the first level.</source>
        <translation>Hangar 服务器会为本次运行在 127.0.0.1 上启动，并行序列数与最高档位相同，运行结束后停止。模型会在第一个档位开始前加载。</translation>
    </message>
    <message>
        <source>No models yet: download one in Discover or import a GGUF file in the Library.</source>
        <translation>还没有模型：请在“发现”中下载一个，或在“模型库”中导入 GGUF 文件。</translation>
    </message>
    <message>
        <source>Remote endpoint {0}: prompts and replies leave this machine and go to {1}.</source>
        <translation>远程端点 {0}：提示词和回复会离开本机，发送到 {1}。</translation>
    </message>
    <message>
        <source>Its models have not been read yet.</source>
        <translation>尚未读取它的模型列表。</translation>
    </message>
    <message>
        <source>Remote unless it is this machine&apos;s own address: prompts and replies leave this machine and go to the address above.</source>
        <translation>除非这是本机自己的地址，否则即为远程：提示词和回复会离开本机，发送到上面的地址。</translation>
    </message>
    <message>
        <source>Remote model</source>
        <translation>远程模型</translation>
    </message>
    <message>
        <source>Asking {0} for its models…</source>
        <translation>正在向 {0} 查询其模型…</translation>
    </message>
    <message>
        <source>{0} lists {1} model(s).</source>
        <translation>{0} 列出了 {1} 个模型。</translation>
    </message>
    <message>
        <source>Concurrency levels are whole numbers of 1 or more, separated by commas (for example 1,2,4,8).</source>
        <translation>并发档位应为不小于 1 的整数，用逗号分隔（例如 1,2,4,8）。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling… (what was measured is kept)</source>
        <translation>正在取消…（已测得的结果会保留）</translation>
    </message>
    <message>
        <source>Level {0} of {1} (concurrency {2}): {3} of {4} requests done</source>
        <translation>第 {0}/{1} 档（并发数 {2}）：已完成 {3}/{4} 个请求</translation>
    </message>
    <message>
        <source>, {0} failed</source>
        <translation>，{0} 个失败</translation>
    </message>
    <message>
        <source>The serving benchmark stopped.</source>
        <translation>服务基准测试已停止。</translation>
    </message>
    <message>
        <source>Cancelled: the levels measured so far are shown.</source>
        <translation>已取消：显示目前已测得的档位。</translation>
    </message>
    <message>
        <source>Every level failed: the reason is in the table.</source>
        <translation>所有档位都失败了：原因见表格。</translation>
    </message>
    <message>
        <source>Finished: {0} level(s).</source>
        <translation>完成：共 {0} 个档位。</translation>
    </message>
    <message>
        <source>{0} failed; the reason is in the table.</source>
        <translation>{0} 个失败；原因见表格。</translation>
    </message>
    <message>
        <source>Stored as fleet run #{0}: the Fleet tab shows it beside other machines.</source>
        <translation>已保存为机群运行 #{0}：“机群”选项卡会将它与其他机器并列显示。</translation>
    </message>
    <message>
        <source>Nothing was measured, so nothing was stored.</source>
        <translation>没有测得任何结果，因此没有保存。</translation>
    </message>
    <message>
        <source>{0}-token prompts</source>
        <translation>{0} token 提示词</translation>
    </message>
    <message>
        <source>prompts from a file</source>
        <translation>来自文件的提示词</translation>
    </message>
    <message>
        <source>{0:g} req/s</source>
        <translation>{0:g} 请求/秒</translation>
    </message>
    <message>
        <source>closed loop</source>
        <translation>闭环</translation>
    </message>
    <message>
        <source>Hangar&apos;s server</source>
        <translation>Hangar 服务器</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>{0} at {1} ({2}) · {3} · {4} requests per level, {5}, {6} output tokens, {7}</source>
        <translation>{0}，位于 {1}（{2}）· {3} · 每档 {4} 个请求，{5}，{6} 个输出 token，{7}</translation>
    </message>
    <message>
        <source>Concurrency {0}: {1}</source>
        <translation>并发数 {0}：{1}</translation>
    </message>
    <message>
        <source>Run a serving benchmark to see it against concurrency</source>
        <translation>运行服务基准测试后，即可查看其随并发数的变化</translation>
    </message>
    <message>
        <source>Throughput (all requests together)</source>
        <translation>吞吐量（所有请求合计）</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <source>Time to first token (median solid, p99 dashed)</source>
        <translation>首个 token 延迟（实线为中位数，虚线为 p99）</translation>
    </message>
    <message>
        <source>TTFT (ms)</source>
        <translation>TTFT（ms）</translation>
    </message>
    <message>
        <source>Time per output token (median solid, p99 dashed)</source>
        <translation>每个输出 token 的耗时（实线为中位数，虚线为 p99）</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT（ms）</translation>
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
        <source>Cache</source>
        <translation>缓存</translation>
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
        <source>&amp;Restart now</source>
        <translation>立即重启(&amp;R)</translation>
    </message>
    <message>
        <source>Close Hangar and start it again in the new language (the server, if running, stops).</source>
        <translation>关闭 Hangar 并以新语言重新启动（如果服务器正在运行，它会停止）。</translation>
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
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Hangar could not be started again; close it and start it yourself.</source>
        <translation>Hangar 无法自动重新启动；请关闭它，然后手动启动。</translation>
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
    <name>TransferActions</name>
    <message>
        <source>Select the model to export first.</source>
        <translation>请先选择要导出的模型。</translation>
    </message>
    <message>
        <source>Export for another machine: choose a folder (a USB disk, a share)</source>
        <translation>导出到其他机器：请选择一个文件夹（U 盘、共享文件夹）</translation>
    </message>
    <message>
        <source>Export for another machine</source>
        <translation>导出到其他机器</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>正在导出 {0}…</translation>
    </message>
    <message>
        <source>Exported {0} to {1}: {2} files, {3}, each with its SHA-256 in manifest.json.</source>
        <translation>已将 {0} 导出到 {1}：{2} 个文件，共 {3}，每个文件的 SHA-256 都记录在 manifest.json 中。</translation>
    </message>
    <message>
        <source>License policy when exported: {0}.</source>
        <translation>导出时的许可证政策结论：{0}。</translation>
    </message>
    <message>
        <source>Signed by {0}.</source>
        <translation>签名者：{0}。</translation>
    </message>
    <message>
        <source>On the other machine: Library, Import a bundle…, or hangar-cli import-bundle with this folder.</source>
        <translation>在另一台机器上：打开“模型库”，点击“导入传输包…”，或对此文件夹运行 hangar-cli import-bundle。</translation>
    </message>
    <message>
        <source>Import a bundle: choose its folder (the one holding manifest.json)</source>
        <translation>导入传输包：请选择它的文件夹（包含 manifest.json 的那个）</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入传输包</translation>
    </message>
    <message>
        <source>{0} is signed by {1}.</source>
        <translation>{0} 由 {1} 签名。</translation>
    </message>
    <message>
        <source>Verify the signature with the signer&apos;s public key or the certificate chain you trust? A signature that does not verify stops the import.</source>
        <translation>要用签名者的公钥或您信任的证书链验证签名吗？签名验证未通过时，导入会中止。</translation>
    </message>
    <message>
        <source>Verify with a key or certificate…</source>
        <translation>用密钥或证书验证…</translation>
    </message>
    <message>
        <source>This kind of signature (keyless Sigstore) cannot be verified offline; the files are still checked against their SHA-256.</source>
        <translation>这类签名（无密钥的 Sigstore 签名）无法离线验证；文件仍会按各自的 SHA-256 进行校验。</translation>
    </message>
    <message>
        <source>Import without verifying</source>
        <translation>不验证直接导入</translation>
    </message>
    <message>
        <source>The signer&apos;s public key or certificate chain (PEM)</source>
        <translation>签名者的公钥或证书链（PEM）</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.pub *.crt *.cer);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.pub *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking every file of {0} against its SHA-256…</source>
        <translation>正在按 SHA-256 校验 {0} 的每个文件…</translation>
    </message>
    <message>
        <source>Imported {0}: all {1} files matched their SHA-256.</source>
        <translation>已导入 {0}：全部 {1} 个文件都与其 SHA-256 一致。</translation>
    </message>
    <message>
        <source>From {0} at revision {1}, exported with Hangar {2} on {3}.</source>
        <translation>来自 {0} 的修订版本 {1}，于 {3} 用 Hangar {2} 导出。</translation>
    </message>
    <message>
        <source>no Hub repository</source>
        <translation>无 Hub 仓库</translation>
    </message>
    <message>
        <source>License policy: {0} when exported, {1} here.</source>
        <translation>许可证政策结论：导出时为“{0}”，本机为“{1}”。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>需审查</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>禁止</translation>
    </message>
</context>
<context>
    <name>UpdateDetailsDialog</name>
    <message>
        <source>Updates for {0}</source>
        <translation>{0} 的更新</translation>
    </message>
    <message>
        <source>What changed, this copy beside the Hub&apos;s revision</source>
        <translation>变更内容：本机副本与 Hub 修订版本对照</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>This copy</source>
        <translation>本机副本</translation>
    </message>
    <message>
        <source>On the Hub now</source>
        <translation>Hub 当前版本</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Pin to this revision</source>
        <translation>固定在此修订版本</translation>
    </message>
    <message>
        <source>Not checked yet: use Check for updates.</source>
        <translation>尚未检查：请使用“检查更新”。</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>(not in this revision)</source>
        <translation>（此修订版本中没有）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>(none stated)</source>
        <translation>（未声明）</translation>
    </message>
    <message>
        <source>License (identified)</source>
        <translation>许可证（识别结果）</translation>
    </message>
    <message>
        <source>Policy verdict</source>
        <translation>政策结论</translation>
    </message>
    <message>
        <source>Gated</source>
        <translation>授权要求</translation>
    </message>
    <message>
        <source>Pinned: this model stays at its revision and is not checked for newer ones.</source>
        <translation>已固定：此模型保持在当前修订版本，不会检查是否有更新的版本。</translation>
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
        <source>not gated</source>
        <translation>无需授权</translation>
    </message>
    <message>
        <source>gated (access on request)</source>
        <translation>需授权（申请即可访问）</translation>
    </message>
    <message>
        <source>gated (authors approve each request)</source>
        <translation>需授权（作者逐一审批）</translation>
    </message>
    <message>
        <source>not checked before</source>
        <translation>此前未检查</translation>
    </message>
    <message>
        <source>The license changed</source>
        <translation>许可证已变更</translation>
    </message>
    <message>
        <source>{0}

Update anyway? The new revision comes under the new license.</source>
        <translation>{0}

仍要更新吗？新的修订版本适用新的许可证。</translation>
    </message>
    <message>
        <source>Downloading the new revision; the copy here stays until it is verified…</source>
        <translation>正在下载新的修订版本；在其通过校验之前，本机副本会保留…</translation>
    </message>
    <message>
        <source>A reason is needed</source>
        <translation>需要说明理由</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>Updated to revision {0} (SHA-256 {1}).</source>
        <translation>已更新到修订版本 {0}（SHA-256 {1}）。</translation>
    </message>
</context>
<context>
    <name>UpdatesPanel</name>
    <message>
        <source>Check for updates</source>
        <translation>检查更新</translation>
    </message>
    <message>
        <source>Compare every model with its Hub repository: new revision, changed file, license or gated state. Nothing is downloaded.</source>
        <translation>将每个模型与其 Hub 仓库比较：新修订版本、文件变更、许可证或授权要求变更。不会下载任何内容。</translation>
    </message>
    <message>
        <source>Check daily</source>
        <translation>每天检查</translation>
    </message>
    <message>
        <source>Check for updates when the Library opens, once a day at most</source>
        <translation>打开“模型库”时检查更新，每天最多一次</translation>
    </message>
    <message>
        <source>Update details…</source>
        <translation>更新详情…</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>new revision (same file)</source>
        <translation>新修订版本（文件相同）</translation>
    </message>
    <message>
        <source>update available</source>
        <translation>有可用更新</translation>
    </message>
    <message>
        <source>file gone or renamed</source>
        <translation>文件已删除或重命名</translation>
    </message>
    <message>
        <source>⚠ license changed!</source>
        <translation>⚠ 许可证已变更！</translation>
    </message>
    <message>
        <source>⚠ gated state changed</source>
        <translation>⚠ 授权要求已变更</translation>
    </message>
    <message>
        <source>no access</source>
        <translation>无权访问</translation>
    </message>
    <message>
        <source>gone from the Hub</source>
        <translation>已从 Hub 移除</translation>
    </message>
    <message>
        <source>not checked (Hub unreachable)</source>
        <translation>未检查（无法连接 Hub）</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Pinned to its revision</source>
        <translation>已固定在当前修订版本</translation>
    </message>
    <message>
        <source>Checked {0}: nothing changed</source>
        <translation>已于 {0} 检查：没有变化</translation>
    </message>
    <message>
        <source>Checking the models against the Hub…</source>
        <translation>正在将模型与 Hub 比对…</translation>
    </message>
    <message>
        <source>⚠ The license of {0} model(s) changed: read it before updating.</source>
        <translation>⚠ 有 {0} 个模型的许可证已变更：请在更新前阅读。</translation>
    </message>
    <message>
        <source>{0} update(s) available.</source>
        <translation>有 {0} 个可用更新。</translation>
    </message>
    <message>
        <source>{0} model(s) need attention (see the Updates column).</source>
        <translation>有 {0} 个模型需要关注（见“更新”列）。</translation>
    </message>
    <message>
        <source>The Hub could not be reached; nothing was changed: {0}</source>
        <translation>无法连接 Hub；没有做任何更改：{0}</translation>
    </message>
    <message>
        <source>Every model is up to date.</source>
        <translation>所有模型都已是最新。</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未检查</translation>
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
