; Inno Setup script for ExitBot Desktop on Windows (per-machine install).
; Build on Windows, after the one-folder app exists in dist\exitbot-desktop (see README.md):
;   iscc /DVersion=0.1.0 packaging\windows\exitbot-desktop.iss
; Output: dist\exitbot-desktop-<version>-setup.exe

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{34FABB1C-0829-4EDC-8C22-E381291E2A7E}
AppName=ExitBot
AppVersion={#Version}
AppPublisher=ExitBot
DefaultDirName={autopf}\ExitBot
DefaultGroupName=ExitBot
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=exitbot-desktop-{#Version}-setup
Compression=lzma2/max
SolidCompression=yes
SetupIconFile=exitbot-desktop.ico
UninstallDisplayIcon={app}\exitbot-desktop.exe
; Data lives in each user's %LOCALAPPDATA%\ExitBot and is never touched by setup or uninstall.

[Files]
Source: "..\..\dist\exitbot-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
Source: "..\IT_GUIDE.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\ExitBot"; Filename: "{app}\exitbot-desktop.exe"
Name: "{group}\Uninstall ExitBot"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\exitbot-desktop.exe"; Parameters: "check"; Flags: runhidden nowait skipifsilent; Description: "Check the installation"
