; Inno Setup script for Challenge (https://jrsoftware.org/isinfo.php).
;
; Build the program folder first, on Windows, with PyInstaller:
;     .venv\Scripts\python -m PyInstaller --noconfirm packaging\challenge-app.spec
; then compile this script from the repository root, giving the version from
; pyproject.toml:
;     iscc /DAppVersion=0.1.0 packaging\windows\challenge.iss
; The installer appears in dist\installer\. See packaging\README.md.
;
; It installs for the current user only (no administrator rights, which council
; laptops rarely grant), into %LOCALAPPDATA%\Programs\Challenge. Uninstalling
; removes the program and never the officer's database, backups or logs, which
; live in %LOCALAPPDATA%\Challenge.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z packaging\windows\challenge.iss
#endif

#define AppName "Challenge"
#define AppExe "challenge-app.exe"
#define SourceDir "..\..\dist\challenge-app"

[Setup]
AppId={{6E0A3F6B-2C1D-4C55-9B0E-6C1A7F3D2B91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Challenge
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=challenge-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\challenge.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before replacing its files (its database lock is released on exit).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
