; Inno Setup script: a Windows installer over the PyInstaller onedir build (dist\hangar\).
; Build it with Inno Setup 6 from the repository root, after pyinstaller (see README.md here):
;
;   iscc /DAppVersion=0.1.0 installers\windows\hangar.iss
;
; The result is dist\Hangar-<version>-windows-x64-setup.exe. It installs per user by default
; (no administrator rights; the installer offers "for all users" too), adds a Start menu
; entry with the Hangar icon, an optional desktop icon, and an uninstaller. Uninstalling
; keeps the user's models, conversations and settings (%LOCALAPPDATA%\Hangar).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Hangar"
#define Root "..\.."
#define Bundle Root + "\dist\hangar"

[Setup]
; A fixed GUID: Windows recognises upgrades and the uninstaller by it. Never change it.
AppId={{6F1E4C2A-9B57-4D3E-A8C1-2F60B7D94E15}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Hangar contributors
AppPublisherURL=https://github.com/hangar/hangar
AppSupportURL=https://github.com/hangar/hangar/issues
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\hangar.ico
UninstallDisplayIcon={app}\hangar.exe
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=Hangar-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup 6 ships no official Chinese wizard text; add the unofficial
; ChineseSimplified.isl (jrsoftware.org/files/istrans/) to compiler:Languages\ to enable this:
; Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; Everything PyInstaller made: hangar.exe (window), hangar-cli.exe, hangar-engine.exe (the
; inference worker the other two start) and _internal\ (Python, Qt, llama.cpp, resources).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle as a whole: no stale modules from an older version.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\hangar.exe"; Comment: "Run open-weight language models on your own machine"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\hangar.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\hangar.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program wrote into its own folder; user data stays in %LOCALAPPDATA%\Hangar.
Type: filesandordirs; Name: "{app}\_internal"
