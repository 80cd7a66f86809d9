; Window Clerk — Windows installer (NSIS 3, Unicode, 64-bit). Per-machine install.
; packaging/README.md ("Install", "Upgrade", "Uninstall") is the IT guide; every parameter
; below is read with GetOptions and tests/packaging/test_wine_installer.py checks that the
; README names exactly these.
;
; Build (Windows workflow, or makensis on Linux against any payload folder):
;   makensis -DPAYLOAD=dist\clerk-app -DVERSION=0.1.0 -DOUTFILE=dist\WindowClerk-Setup-0.1.0.exe installer.nsi
;
; Install (silent, as administrator):
;   WindowClerk-Setup.exe /S /SERVER=https://records.example:8443 /WINDOW=W07 ^
;       /CENTER=HS /CENTERNAME=衡水市政务服务中心 /DEPARTMENT=市场监督管理局 [/CA=center-ca.pem]
;   WindowClerk-Setup.exe /S /PROVISIONING=\\share\W07.toml [/CA=center-ca.pem]
;   [/LOG=FILE] (default %TEMP%\WindowClerk-Setup.log)   [/ALLOWDOWNGRADE]
; Options are split at spaces (GetOptions with " /" as the delimiter, so an address keeps
; its slashes): quote a value holding spaces, /CENTERNAME="衡水市 政务服务中心".
; Every parameter is checked before anything is written; a wrong one writes nothing (but the
; log) and exits 2. A newer installed version exits 3 unless /ALLOWDOWNGRADE.
; Without /SERVER or /PROVISIONING an existing provisioning file is kept (upgrade in place).
; Program files are unpacked into $INSTDIR\.staging and only then swapped in, so an
; installer killed while copying leaves the previous version working; running it again
; finishes the job (the leftover is removed first).
;
; Uninstall (keeps the local databases and the provisioning file unless /PURGE):
;   "%ProgramFiles%\WindowClerk\uninstall.exe" /S [/PURGE] [/FORCE] [/LOG=FILE]
; Before anything is removed it counts the cases and documents every user's desk has not
; yet sent to the center (clerk-app unsent --all-users --numbers): with some waiting it asks,
; No being the default; a silent uninstall stops then (exit code 2, the counts in the log)
; unless /FORCE is given.
;
; Exit codes — installer: 0 done, 1 cancelled, 2 a parameter is wrong (nothing written),
; 3 a newer version is installed, 4 not 64-bit Windows, 5 the program files could not be
; replaced (the previous version is kept). Uninstaller: 0 done, 2 unsent items (nothing
; removed).

Unicode true
; Debian's nsis carries the 64-bit stubs; the official Windows build of NSIS does not, and
; a 32-bit installer installs the same 64-bit program (SetRegView 64, $PROGRAMFILES64).
!if /FileExists "${NSISDIR}\Stubs\lzma_solid-amd64-unicode"
  Target amd64-unicode
!endif
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"

!ifndef PAYLOAD
  !error "pass -DPAYLOAD=<the one-folder bundle>"
!endif
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
; The ID card reader's 32-bit helper (packaging/idcard-helper.spec), when the workflow put it
; beside clerk-app.exe: installed with the rest of the payload, named in the log, removed
; by the uninstaller. A payload without it installs as before ([idcard] mode = "helper"
; then says the helper is missing).
!if /FileExists "${PAYLOAD}\clerk-idcard-helper.exe"
  !define IDCARD_HELPER
!endif
!ifndef OUTFILE
  !define OUTFILE "WindowClerk-Setup-${VERSION}.exe"
!endif

!define APP "WindowClerk"
!define APP_NAME "Window Clerk 窗口受理客户端"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define CODE_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
!define HOST_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-"
!define URL_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$$&()*+,;=%"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "Window Clerk installer"
VIAddVersionKey "LegalCopyright" "Window Clerk"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var Server
Var Window
Var Center
Var CenterName
Var Department
Var ProvisioningSrc
Var CaSrc
Var AllowDowngrade
Var Purge
Var Force
Var LogFile
Var LogText
Var Problem
; scratch of the helper functions (never the caller's $0-$9 / $R0-$R9)
Var Str
Var Set
Var Found
Var I
Var J
Var C
Var D
Var Scheme
Var Host

; The uninstaller's question when desks still hold unsent cases ($R1 cases, $R2 documents,
; $R3 other records); No is the default.
LangString UnsentAsk ${LANG_SIMPCHINESE} "本电脑上还有 $R1 件办件、$R2 份文书和 $R3 条其他记录尚未上传到中心。$\r$\n$\r$\n卸载后这些记录留在本机，但不会再发送。建议先联网打开窗口受理客户端，等状态栏显示待上传为 0 后再卸载。$\r$\n$\r$\n仍要卸载吗？"
LangString UnsentAsk ${LANG_ENGLISH} "This computer still has $R1 case(s), $R2 document(s) and $R3 other record(s) not yet sent to the center.$\r$\n$\r$\nAfter uninstalling they stay on this computer but are no longer sent. Start Window Clerk online first and wait until the status bar says 0 waiting.$\r$\n$\r$\nUninstall anyway?"
LangString UnsentUnknown ${LANG_SIMPCHINESE} "有 $R4 位用户的本地数据无法检查（密钥保存在该用户的凭据中），其中可能有尚未上传的办件。请让该用户先打开窗口受理客户端确认待上传为 0。$\r$\n$\r$\n仍要卸载吗？"
LangString UnsentUnknown ${LANG_ENGLISH} "The local data of $R4 user(s) could not be checked (the key is kept in that user's credentials); they may hold unsent cases. Have that user open Window Clerk and check that nothing is waiting.$\r$\n$\r$\nUninstall anyway?"

; Write one UTF-16LE line (the client reads UTF-16 with a BOM as well as UTF-8).
!macro WriteLine handle text
  FileWriteUTF16LE ${handle} `${text}$\r$\n`
!macroend

; One timestamped line appended to the log (UTF-16LE with a BOM; Notepad reads it).
!macro WriteLogFunction prefix
  Function ${prefix}WriteLog
    ${If} $LogFile == ""
      Return
    ${EndIf}
    Push $0
    Push $1
    Push $2
    Push $3
    Push $4
    Push $5
    Push $6
    Push $7
    ${GetTime} "" "L" $1 $2 $3 $4 $5 $6 $7
    ClearErrors
    FileOpen $0 "$LogFile" a
    ${IfNot} ${Errors}
      FileSeek $0 0 END
      FileWriteUTF16LE /BOM $0 "$3-$2-$1 $5:$6:$7 $LogText$\r$\n"
      FileClose $0
    ${EndIf}
    Pop $7
    Pop $6
    Pop $5
    Pop $4
    Pop $3
    Pop $2
    Pop $1
    Pop $0
  FunctionEnd
!macroend
!insertmacro WriteLogFunction ""
!insertmacro WriteLogFunction "un."

!macro Log text
  StrCpy $LogText `${text}`
  !ifdef __UNINSTALL__
    Call un.WriteLog
  !else
    Call WriteLog
  !endif
!macroend

; Stop: the reason in the log (and a message box unless silent), the exit code, nothing more.
!macro Fail code text
  !insertmacro Log `ERROR (exit ${code}): ${text}`
  MessageBox MB_ICONSTOP `${text}` /SD IDOK
  SetErrorLevel ${code}
  Quit
!macroend

; $Found = the first character of $Str that is (NotIn: is not) in $Set, "" when none;
; case-sensitive.
!macro CharScanFunction name wanted
  Function ${name}
    StrCpy $Found ""
    StrCpy $I 0
    ${Do}
      StrCpy $C $Str 1 $I
      ${If} $C == ""
        ${Break}
      ${EndIf}
      StrCpy $J 0
      StrCpy $D "0"
      ${Do}
        StrCpy $Found $Set 1 $J
        ${If} $Found == ""
          ${Break}
        ${EndIf}
        ${If} $Found S== $C
          StrCpy $D "1"
          ${Break}
        ${EndIf}
        IntOp $J $J + 1
      ${Loop}
      StrCpy $Found ""
      ${If} $D == "${wanted}"
        StrCpy $Found $C
        Return
      ${EndIf}
      IntOp $I $I + 1
    ${Loop}
  FunctionEnd
!macroend
!insertmacro CharScanFunction CharIn "1"
!insertmacro CharScanFunction CharNotIn "0"

; $Problem = why $Str is not a center or window code (1-8 capital letters or digits), or "".
Function CheckCode
  StrCpy $Problem ""
  StrCpy $Set "${CODE_CHARS}"
  Call CharNotIn
  StrLen $I $Str
  ${If} $I < 1
  ${OrIf} $I > 8
  ${OrIf} $Found != ""
    StrCpy $Problem "应为 1–8 位大写字母或数字 / must be 1-8 capital letters or digits"
  ${EndIf}
FunctionEnd

; $Problem = why $Server is not the records service's address, or "" (the client's rules,
; clerk_app/core/provisioning.py: https://host[:port][/path]; plain http only for loopback).
Function CheckServer
  StrCpy $Problem ""
  StrCpy $Str $Server 8
  StrCpy $Scheme ""
  ${If} $Str == "https://"
    StrCpy $Str $Server "" 8
  ${Else}
    StrCpy $Str $Server 7
    ${If} $Str == "http://"
      StrCpy $Str $Server "" 7
      StrCpy $Scheme "http"
    ${Else}
      StrCpy $Problem "应为 https:// 开头的完整地址 / must be a full https:// address"
      Return
    ${EndIf}
  ${EndIf}
  ; every character one a URL may hold (no spaces, quotes or backslashes)
  StrCpy $Set "${URL_CHARS}"
  Call CharNotIn
  ${If} $Found != ""
    StrCpy $Problem "含有不允许的字符 “$Found” / holds a character not allowed in an address: '$Found'"
    Return
  ${EndIf}
  ; the host: up to the first / ? # and an optional :port
  StrCpy $I 0
  ${Do}
    StrCpy $D $Str 1 $I
    ${If} $D == ""
    ${OrIf} $D == "/"
    ${OrIf} $D == "?"
    ${OrIf} $D == "#"
      ${Break}
    ${EndIf}
    IntOp $I $I + 1
  ${Loop}
  StrCpy $Str $Str $I
  StrCpy $D $Str 1
  ${If} $D == "["
    ; [IPv6]:port — only loopback ::1 is of use here, anything else must be https
    StrCpy $D $Str 5
    ${If} $D != "[::1]"
      StrCpy $Problem "IPv6 地址只支持 [::1] / an IPv6 address other than [::1] is not supported; use a name"
      Return
    ${EndIf}
    StrCpy $Host "::1"
    StrCpy $Str $Str "" 5
  ${Else}
    StrCpy $I 0
    ${Do}
      StrCpy $D $Str 1 $I
      ${If} $D == ""
      ${OrIf} $D == ":"
        ${Break}
      ${EndIf}
      IntOp $I $I + 1
    ${Loop}
    StrCpy $Host $Str $I
    StrCpy $Str $Str "" $I
    Push $Str
    StrCpy $Str $Host
    StrCpy $Set "${HOST_CHARS}"
    Call CharNotIn
    Pop $Str
    StrCpy $D $Host 1
    ${If} $Host == ""
    ${OrIf} $Found != ""
    ${OrIf} $D == "."
    ${OrIf} $D == "-"
      StrCpy $Problem "服务器名称不对 / the server's name is missing or not a host name"
      Return
    ${EndIf}
  ${EndIf}
  ; $Str is now "" or ":port"
  ${If} $Str != ""
    StrCpy $Str $Str "" 1
    StrCpy $Set "0123456789"
    Call CharNotIn
    StrLen $I $Str
    ${If} $I < 1
    ${OrIf} $I > 5
    ${OrIf} $Found != ""
      StrCpy $Problem "端口应为 1–65535 / the port must be a number 1-65535"
      Return
    ${EndIf}
    IntOp $I $Str + 0
    ${If} $I < 1
    ${OrIf} $I > 65535
      StrCpy $Problem "端口应为 1–65535 / the port must be a number 1-65535"
      Return
    ${EndIf}
  ${EndIf}
  ${If} $Scheme == "http"
    StrCpy $D $Host 4
    ${If} $Host != "localhost"
    ${AndIf} $Host != "::1"
    ${AndIf} $D != "127."
      StrCpy $Problem "只有本机地址可以不加密（http），其他地址必须使用 https / plain http is only allowed for this machine (127.0.0.1); use https"
    ${EndIf}
  ${EndIf}
FunctionEnd

; $Problem = why $Str cannot go into the provisioning file as a name, or "".
Function CheckName
  StrCpy $Problem ""
  StrCpy $Set `"\`
  Call CharIn
  ${If} $Str == ""
    StrCpy $Problem "不能为空 / must not be empty"
  ${ElseIf} $Found != ""
    StrCpy $Problem "不能含有 $\" 或 \ / must not hold $\" or \"
  ${EndIf}
FunctionEnd

; $Problem = why the file $Str is not a PEM certificate bundle, or "".
Function CheckPem
  StrCpy $Problem "不是 PEM 格式的证书文件 / is not a PEM certificate file"
  ClearErrors
  FileOpen $D "$Str" r
  ${If} ${Errors}
    StrCpy $Problem "找不到或无法读取 / does not exist or cannot be read"
    Return
  ${EndIf}
  StrCpy $I 0
  ${Do}
    ClearErrors
    FileRead $D $C
    ${If} ${Errors}
    ${OrIf} $I > 5000
      ${Break}
    ${EndIf}
    StrCpy $C $C 27
    ${If} $C == "-----BEGIN CERTIFICATE-----"
      StrCpy $Problem ""
      ${Break}
    ${EndIf}
    IntOp $I $I + 1
  ${Loop}
  FileClose $D
FunctionEnd

!macro RequireOption var option
  ${If} ${var} == ""
    !insertmacro Fail 2 "缺少 ${option}（与 /SERVER= 一起必须给出）/ ${option} is missing (needed with /SERVER=)"
  ${EndIf}
!macroend

Function .onInit
  SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} " $R0" " /LOG=" $LogFile
  ${If} ${Errors}
    StrCpy $LogFile "$TEMP\${APP}-Setup.log"
  ${EndIf}
  !insertmacro Log "Window Clerk ${VERSION} setup: $R0"
  ${IfNot} ${RunningX64}
    !insertmacro Fail 4 "Window Clerk 需要 64 位 Windows / Window Clerk needs 64-bit Windows"
  ${EndIf}
  SetRegView 64
  ${GetOptions} " $R0" " /SERVER=" $Server
  ${GetOptions} " $R0" " /WINDOW=" $Window
  ${GetOptions} " $R0" " /CENTER=" $Center
  ${GetOptions} " $R0" " /CENTERNAME=" $CenterName
  ${GetOptions} " $R0" " /DEPARTMENT=" $Department
  ${GetOptions} " $R0" " /PROVISIONING=" $ProvisioningSrc
  ${GetOptions} " $R0" " /CA=" $CaSrc
  ClearErrors
  ${GetOptions} " $R0" " /ALLOWDOWNGRADE" $R1
  ${IfNot} ${Errors}
    StrCpy $AllowDowngrade "1"
  ${EndIf}

  ; Every parameter is checked before anything is written.
  ${If} $Server != ""
  ${AndIf} $ProvisioningSrc != ""
    !insertmacro Fail 2 "/SERVER= 与 /PROVISIONING= 只能给一个 / give /SERVER= or /PROVISIONING=, not both"
  ${EndIf}
  ${If} $Server != ""
    Call CheckServer
    ${If} $Problem != ""
      !insertmacro Fail 2 "/SERVER=$Server：$Problem"
    ${EndIf}
    !insertmacro RequireOption $Window "/WINDOW="
    !insertmacro RequireOption $Center "/CENTER="
    !insertmacro RequireOption $CenterName "/CENTERNAME="
    !insertmacro RequireOption $Department "/DEPARTMENT="
    StrCpy $Str $Window
    Call CheckCode
    ${If} $Problem != ""
      !insertmacro Fail 2 "/WINDOW=$Window：窗口编号$Problem（如 W07）/ the window code $Problem (e.g. W07)"
    ${EndIf}
    StrCpy $Str $Center
    Call CheckCode
    ${If} $Problem != ""
      !insertmacro Fail 2 "/CENTER=$Center：中心编号$Problem（如 HS）/ the center code $Problem (e.g. HS)"
    ${EndIf}
    StrCpy $Str $CenterName
    Call CheckName
    ${If} $Problem != ""
      !insertmacro Fail 2 "/CENTERNAME=$CenterName：$Problem"
    ${EndIf}
    StrCpy $Str $Department
    Call CheckName
    ${If} $Problem != ""
      !insertmacro Fail 2 "/DEPARTMENT=$Department：$Problem"
    ${EndIf}
  ${ElseIf} $Window$Center$CenterName$Department != ""
    !insertmacro Fail 2 "/WINDOW=、/CENTER=、/CENTERNAME=、/DEPARTMENT= 需要与 /SERVER= 一起给出 / /WINDOW=, /CENTER=, /CENTERNAME= and /DEPARTMENT= need /SERVER="
  ${EndIf}
  ${If} $ProvisioningSrc != ""
  ${AndIfNot} ${FileExists} "$ProvisioningSrc"
    !insertmacro Fail 2 "/PROVISIONING=$ProvisioningSrc：找不到文件 / the file does not exist"
  ${EndIf}
  ${If} $CaSrc != ""
    ${If} $Server$ProvisioningSrc == ""
      !insertmacro Fail 2 "/CA= 需要与 /SERVER= 或 /PROVISIONING= 一起给出 / /CA= needs /SERVER= or /PROVISIONING="
    ${EndIf}
    StrCpy $Str $CaSrc
    Call CheckPem
    ${If} $Problem != ""
      !insertmacro Fail 2 "/CA=$CaSrc：$Problem"
    ${EndIf}
  ${EndIf}

  ; Upgrade in place: install over the existing folder; never silently go back a version.
  ReadRegStr $R1 HKLM "Software\${APP}" "InstallDir"
  ${If} $R1 != ""
    StrCpy $INSTDIR $R1
  ${EndIf}
  ReadRegStr $R2 HKLM "Software\${APP}" "Version"
  ${If} $R2 != ""
    ${VersionCompare} $R2 "${VERSION}" $R3
    ${If} $R3 == "1"
    ${AndIf} $AllowDowngrade != "1"
      !insertmacro Fail 3 "已安装更新的版本 $R2，不降级到 ${VERSION}（确需降级请加 /ALLOWDOWNGRADE）/ version $R2 is installed, newer than ${VERSION}: not downgraded (add /ALLOWDOWNGRADE to do it)"
    ${EndIf}
    !insertmacro Log "installed: $R2 in $INSTDIR; installing ${VERSION} over it"
  ${EndIf}
FunctionEnd

; Move each entry of $INSTDIR\.staging into $INSTDIR, the one it replaces into .previous.
; On failure (a file in use) the entries already moved go back and $Problem names the one.
Function SwapIn
  StrCpy $Problem ""
  CreateDirectory "$INSTDIR\.previous"
  ${Do}
    FindFirst $0 $1 "$INSTDIR\.staging\*"
    ${Do}
      ${If} $1 != "."
      ${AndIf} $1 != ".."
        ${Break}
      ${EndIf}
      FindNext $0 $1
    ${Loop}
    FindClose $0
    ${If} $1 == ""
      ${Break}
    ${EndIf}
    ClearErrors
    ${If} ${FileExists} "$INSTDIR\$1"
      Rename "$INSTDIR\$1" "$INSTDIR\.previous\$1"
    ${EndIf}
    ${IfNot} ${Errors}
      Rename "$INSTDIR\.staging\$1" "$INSTDIR\$1"
    ${EndIf}
    ${If} ${Errors}
      StrCpy $Problem "$INSTDIR\$1"
      ${Break}
    ${EndIf}
  ${Loop}
  ${If} $Problem == ""
    Return
  ${EndIf}
  ; roll back: whatever of the previous version moved aside goes back
  ${Do}
    FindFirst $0 $1 "$INSTDIR\.previous\*"
    ${Do}
      ${If} $1 != "."
      ${AndIf} $1 != ".."
        ${Break}
      ${EndIf}
      FindNext $0 $1
    ${Loop}
    FindClose $0
    ${If} $1 == ""
      ${Break}
    ${EndIf}
    RMDir /r "$INSTDIR\$1"
    Delete "$INSTDIR\$1"
    ClearErrors
    Rename "$INSTDIR\.previous\$1" "$INSTDIR\$1"
    ${If} ${Errors}
      ${Break}
    ${EndIf}
  ${Loop}
FunctionEnd

Section "Window Clerk" SecMain
  SectionIn RO
  SetShellVarContext all
  SetRegView 64
  ; Program files only; data live in %LOCALAPPDATA% and %ProgramData%. Unpacked aside
  ; first: killed while copying, the previous version stays as it was.
  ${If} ${FileExists} "$INSTDIR\.staging"
  ${OrIf} ${FileExists} "$INSTDIR\.previous"
    !insertmacro Log "an earlier installation was interrupted: its leftovers are removed and it is done again"
  ${EndIf}
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\.staging"
  RMDir /r "$INSTDIR\.previous"
  !insertmacro Log "copying the program files to $INSTDIR\.staging"
  SetOutPath "$INSTDIR\.staging"
  File /r "${PAYLOAD}\*.*"
  SetOutPath "$INSTDIR"
  Call SwapIn
  ${If} $Problem != ""
    RMDir /r "$INSTDIR\.staging"
    RMDir /r "$INSTDIR\.previous"
    !insertmacro Fail 5 "无法替换 $Problem（窗口受理客户端是否还在运行？）；原版本保持不变，关闭后重新运行安装程序 / cannot replace $Problem (is Window Clerk still running?); the installed version is kept: close it and run the installer again"
  ${EndIf}
  RMDir /r "$INSTDIR\.previous"
  RMDir /r "$INSTDIR\.staging"
  !ifdef IDCARD_HELPER
    !insertmacro Log "with the ID card reader's 32-bit helper: $INSTDIR\clerk-idcard-helper.exe"
  !endif
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; With SetShellVarContext all, $APPDATA is %ProgramData%.
  StrCpy $R9 "$APPDATA\${APP}"
  CreateDirectory "$R9"
  ${If} $CaSrc != ""
    CopyFiles /SILENT "$CaSrc" "$R9\center-ca.pem"
    !insertmacro Log "CA bundle $CaSrc copied to $R9\center-ca.pem"
  ${EndIf}
  ${If} $ProvisioningSrc != ""
    CopyFiles /SILENT "$ProvisioningSrc" "$R9\provisioning.toml"
    !insertmacro Log "provisioning file $ProvisioningSrc copied to $R9\provisioning.toml"
  ${ElseIf} $Server != ""
    FileOpen $0 "$R9\provisioning.toml" w
    FileWriteUTF16LE /BOM $0 ""
    !insertmacro WriteLine $0 "# Written by the Window Clerk installer; check with: clerk-app self-check"
    !insertmacro WriteLine $0 "schema = 1"
    !insertmacro WriteLine $0 "[service]"
    !insertmacro WriteLine $0 'url = "$Server"'
    ${If} $CaSrc != ""
      !insertmacro WriteLine $0 'ca_bundle = "center-ca.pem"'
    ${EndIf}
    !insertmacro WriteLine $0 "[center]"
    !insertmacro WriteLine $0 'code = "$Center"'
    !insertmacro WriteLine $0 'name = "$CenterName"'
    !insertmacro WriteLine $0 "[window]"
    !insertmacro WriteLine $0 'code = "$Window"'
    !insertmacro WriteLine $0 'department = "$Department"'
    FileClose $0
    !insertmacro Log "provisioning file written: $R9\provisioning.toml ($Server, window $Window)"
  ${ElseIf} ${FileExists} "$R9\provisioning.toml"
    !insertmacro Log "provisioning file kept: $R9\provisioning.toml"
  ${EndIf}
  ; Users read the machine's provisioning file; only administrators change it.
  ; By full path: a bare name would run an icacls.exe found first in the search path.
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R9" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0
  !insertmacro Log "icacls (read-only for Users) on $R9: $0"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP_NAME}.lnk" "$INSTDIR\clerk-app.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\clerk-app.exe"

  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\${APP}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "Window Clerk"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  !insertmacro Log "done: Window Clerk ${VERSION} installed in $INSTDIR"
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} " $R0" " /LOG=" $LogFile
  ${If} ${Errors}
    StrCpy $LogFile "$TEMP\${APP}-Setup.log"
  ${EndIf}
  !insertmacro Log "Window Clerk ${VERSION} uninstall from $INSTDIR: $R0"
  ClearErrors
  ${GetOptions} " $R0" " /PURGE" $R1
  ${IfNot} ${Errors}
    StrCpy $Purge "1"
  ${EndIf}
  ClearErrors
  ${GetOptions} " $R0" " /FORCE" $R1
  ${IfNot} ${Errors}
    StrCpy $Force "1"
  ${EndIf}
  Call un.CheckUnsent
FunctionEnd

; Cases and documents not yet sent, on every user's desk: ask before removing anything.
; clerk-app unsent exits 0 (none), 1 (some; prints CASES DOCUMENTS OTHER UNREADABLE) or
; 2 (a desk could not be read). A missing or broken program is not asked about, but then
; /PURGE (which would delete the desks) needs /FORCE.
Function un.CheckUnsent
  ${If} ${FileExists} "$INSTDIR\clerk-app.exe"
    nsExec::ExecToStack '"$INSTDIR\clerk-app.exe" unsent --all-users --numbers'
    Pop $0
    Pop $1
  ${Else}
    StrCpy $0 "missing"
    StrCpy $1 ""
  ${EndIf}
  ${WordFind} "$1" " " "+1" $R1
  ${WordFind} "$1" " " "+2" $R2
  ${WordFind} "$1" " " "+3" $R3
  ${WordFind} "$1" " " "+4" $R4
  ${If} $0 == "1"
    !insertmacro Log "not yet sent to the center: $R1 case(s), $R2 document(s), $R3 other record(s) (clerk-app unsent --all-users lists the desks)"
    ${If} $Force == "1"
      !insertmacro Log "/FORCE: uninstalling anyway"
      Return
    ${EndIf}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnsentAsk)" /SD IDNO IDYES unsent_go
    !insertmacro Log "ERROR (exit 2): 未卸载：$R1 件办件、$R2 份文书、$R3 条其他记录尚未上传 / not uninstalled: $R1 case(s), $R2 document(s) and $R3 other record(s) not yet sent; start Window Clerk online until nothing waits, or add /FORCE"
    SetErrorLevel 2
    Quit
  ${ElseIf} $0 == "2"
    !insertmacro Log "$R4 desk(s) could not be read (key in that user's credentials): they may hold unsent items"
    ${If} $Force == "1"
      Return
    ${EndIf}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnsentUnknown)" /SD IDYES IDYES unsent_go
    !insertmacro Fail 2 "未卸载：有的数据无法检查 / not uninstalled: some desks could not be checked"
  ${ElseIf} $0 == "0"
    !insertmacro Log "nothing waits to be sent"
  ${Else}
    ; the program is missing or broken: keeping the data is safe, deleting them is not
    !insertmacro Log "clerk-app.exe unsent did not answer ($0): unsent items were not counted"
    ${If} $Purge == "1"
    ${AndIf} $Force != "1"
      !insertmacro Fail 2 "未删除数据：无法统计未上传的办件（clerk-app.exe 缺失或损坏）；先重新安装，或加 /FORCE / data not purged: unsent items could not be counted (clerk-app.exe missing or broken); reinstall first, or add /FORCE"
    ${EndIf}
  ${EndIf}
  unsent_go:
FunctionEnd

; /PURGE: every user's %LOCALAPPDATA%\WindowClerk (each profile in the profiles folder).
Function un.PurgeUsers
  ReadRegStr $0 HKLM "SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList" "ProfilesDirectory"
  ExpandEnvStrings $0 $0
  ${IfNot} ${FileExists} "$0\*.*"
    ${GetParent} "$PROFILE" $0
  ${EndIf}
  FindFirst $1 $2 "$0\*"
  ${DoUntil} $2 == ""
    ${If} $2 != "."
    ${AndIf} $2 != ".."
    ${AndIf} ${FileExists} "$0\$2\AppData\Local\${APP}\*.*"
      RMDir /r "$0\$2\AppData\Local\${APP}"
      !insertmacro Log "removed $0\$2\AppData\Local\${APP}"
    ${EndIf}
    FindNext $1 $2
  ${Loop}
  FindClose $1
  ; a profile kept elsewhere (this user's, when not under the profiles folder)
  ${If} ${FileExists} "$LOCALAPPDATA\${APP}\*.*"
    RMDir /r "$LOCALAPPDATA\${APP}"
    !insertmacro Log "removed $LOCALAPPDATA\${APP}"
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\.staging"
  RMDir /r "$INSTDIR\.previous"
  Delete "$INSTDIR\clerk-app.exe"
  Delete "$INSTDIR\clerk-idcard-helper.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  !insertmacro Log "program removed from $INSTDIR"
  ${If} $Purge == "1"
    ; Only when asked: the provisioning file and every user's local database and logs.
    RMDir /r "$APPDATA\${APP}"
    !insertmacro Log "removed $APPDATA\${APP}"
    SetShellVarContext current
    Call un.PurgeUsers
  ${Else}
    !insertmacro Log "kept: $APPDATA\${APP} and every user's %LOCALAPPDATA%\${APP}"
  ${EndIf}
  !insertmacro Log "done: uninstalled"
SectionEnd
