# Build the desktop bundle on Windows and check it: the Windows twin of packaging/build.sh.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Installer]
# 1. .venv (Python 3.11+ from the py launcher) with the app and the pinned PyInstaller,
# 2. the translations compiled to .qm (packaging\translations.py compile, when present),
# 3. PyInstaller with packaging\pyinstaller\sfsync-gui.spec -> dist\sfsync-gui\,
# 4. the bundle's own `sfsync-gui.exe --self-test` (offscreen) and `sfsync.exe --version`,
# 5. with -Installer: Inno Setup 6 (iscc.exe) builds dist\sfsync-gui-<version>-setup.exe.
param(
    [switch]$Installer,
    [string]$Dist = "dist",
    [string]$Work = "build\pyinstaller"
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Say($text) { Write-Host "build: $text" }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "build: $what failed (exit $LASTEXITCODE)" } }

$py = ".venv\Scripts\python.exe"
if (-not (Test-Path $py)) {
    Say "creating .venv"
    py -3.11 -m venv .venv; Check "creating .venv with 'py -3.11' (install Python 3.11 from python.org)"
}
# the app and the pinned PyInstaller (pip does nothing when they are there already)
& $py -m pip install --quiet --disable-pip-version-check -e ".[build]"; Check "pip install"

if (Test-Path packaging\translations.py) {
    Say "compiling translations"
    & $py packaging\translations.py compile; Check "compiling translations"
} else {
    Say "no packaging\translations.py: the bundle speaks English only"
}

$t0 = Get-Date
& $py -m PyInstaller --noconfirm --log-level WARN --distpath $Dist --workpath $Work `
    packaging\pyinstaller\sfsync-gui.spec
Check "PyInstaller"
$bundle = Join-Path $Dist "sfsync-gui"
$size = (Get-ChildItem $bundle -Recurse | Measure-Object -Property Length -Sum).Sum / 1MB
Say ("built {0} ({1:N0} MB) in {2:N1} s" -f $bundle, $size, ((Get-Date) - $t0).TotalSeconds)

& (Join-Path $bundle "sfsync.exe") --version; Check "sfsync.exe --version"
# sfsync-gui.exe is a windowed program: no console for its summary, so the exit code tells
$env:QT_QPA_PLATFORM = "offscreen"
$t0 = Get-Date
$p = Start-Process -FilePath (Join-Path $bundle "sfsync-gui.exe") -ArgumentList "--self-test" `
    -Wait -PassThru -NoNewWindow
Remove-Item Env:QT_QPA_PLATFORM
if ($p.ExitCode -ne 0) { throw "build: the bundle's self-test failed (exit $($p.ExitCode))" }
Say ("self-test passed in {0:N1} s" -f ((Get-Date) - $t0).TotalSeconds)

if ($Installer) {
    $iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
    if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
    if (-not (Test-Path $iscc)) { throw "build: Inno Setup 6 is not installed (https://jrsoftware.org/isinfo.php)" }
    $version = & $py -c "import sfsync_gui; print(sfsync_gui.__version__)"
    & $iscc "/DAppVersion=$version" "/DDistDir=$((Resolve-Path $bundle).Path)" `
        "/O$((Resolve-Path $Dist).Path)" packaging\windows\sfsync-gui.iss
    Check "Inno Setup"
}
Say "done: $bundle"
