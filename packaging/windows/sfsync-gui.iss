; Inno Setup 6 script of the Windows installer: installs the PyInstaller bundle
; (dist\sfsync-gui\ from packaging\build.ps1) for the current user, without admin rights,
; with a Start menu entry, an optional desktop icon, `sfsync` on the user's PATH (optional)
; and an uninstaller. The user's data (%LOCALAPPDATA%\sfsync-gui) stays on uninstall.
;
; Built by:  packaging\build.ps1 -Installer
; or:        iscc /DAppVersion=0.1.0 /DDistDir=C:\path\to\dist\sfsync-gui packaging\windows\sfsync-gui.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\sfsync-gui"
#endif

[Setup]
; a fixed AppId: upgrades replace the installed version instead of adding a second one
AppId={{6B1E3C52-2F4A-4B8E-9C1D-5A7F0E2D9B41}
AppName=sfsync
AppVersion={#AppVersion}
AppVerName=sfsync {#AppVersion}
AppPublisher=The sfsync-gui maintainers
AppPublisherURL=https://github.com/sfsync/sfsync-gui
AppCopyright=Copyright (C) 2026 The sfsync-gui maintainers
DefaultDirName={localappdata}\Programs\sfsync
DefaultGroupName=sfsync
DisableProgramGroupPage=yes
; per-user: no administrator rights, nothing written outside the user's profile
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\sfsync-gui.ico
UninstallDisplayIcon={app}\sfsync-gui.exe
UninstallDisplayName=sfsync {#AppVersion}
OutputBaseFilename=sfsync-gui-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "it"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the sfsync command to PATH"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\sfsync"; Filename: "{app}\sfsync-gui.exe"; Comment: "Two-way sync with Salesforce"
Name: "{autoprograms}\sfsync demo"; Filename: "{app}\sfsync-gui.exe"; Parameters: "--demo"; Comment: "Try sfsync on the built-in demo org"
Name: "{autodesktop}\sfsync"; Filename: "{app}\sfsync-gui.exe"; Tasks: desktopicon

[Registry]
; the user's PATH, only with the task, and without duplicating the folder
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
    ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\sfsync-gui.exe"; Description: "{cm:LaunchProgram,sfsync}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
    exit;
  Dir := ';' + ExpandConstant('{app}');
  P := Pos(Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir));
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path);
  end;
end;
