; Window Clerk — Windows installer (NSIS 3, Unicode). Per-machine install.
;
; Build (Windows workflow, or makensis on Linux against any payload folder):
;   makensis -DPAYLOAD=dist\clerk-app -DVERSION=0.1.0 -DOUTFILE=dist\WindowClerk-Setup-0.1.0.exe installer.nsi
;
; Silent install for IT (writes %ProgramData%\WindowClerk\provisioning.toml):
;   WindowClerk-Setup.exe /S /SERVER=https://records.example:8443 /WINDOW=W07 ^
;       /CENTER=HS /CENTERNAME=衡水市政务服务中心 /DEPARTMENT=市场监督管理局
; or with a whole provisioning file:   WindowClerk-Setup.exe /S /PROVISIONING=\\share\W07.toml
; Without these an existing provisioning file is kept (upgrade in place keeps all data).
; Uninstall keeps the local databases and the provisioning file unless /PURGE is given:
;   "%ProgramFiles%\WindowClerk\uninstall.exe" /S [/PURGE] [/FORCE]
; Before anything is removed it counts the cases and documents every user's desk has not
; yet sent to the center (clerk-app unsent --all-users --numbers): with some waiting it asks,
; No being the default; a silent uninstall stops then (exit code 2) unless /FORCE is given.

Unicode true
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
!ifndef OUTFILE
  !define OUTFILE "WindowClerk-Setup-${VERSION}.exe"
!endif

!define APP "WindowClerk"
!define APP_NAME "Window Clerk 窗口受理客户端"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

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
Var Purge
Var Force

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

Function .onInit
  SetShellVarContext all
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Window Clerk needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ${GetOptions} $R0 "/SERVER=" $Server
  ${GetOptions} $R0 "/WINDOW=" $Window
  ${GetOptions} $R0 "/CENTER=" $Center
  ${GetOptions} $R0 "/CENTERNAME=" $CenterName
  ${GetOptions} $R0 "/DEPARTMENT=" $Department
  ${GetOptions} $R0 "/PROVISIONING=" $ProvisioningSrc
  ; Upgrade in place: install over the existing folder.
  ReadRegStr $R1 HKLM "Software\${APP}" "InstallDir"
  ${If} $R1 != ""
    StrCpy $INSTDIR $R1
  ${EndIf}
FunctionEnd

Section "Window Clerk" SecMain
  SectionIn RO
  SetShellVarContext all
  SetRegView 64
  ; Replace the program files only; data lives in %LOCALAPPDATA% and %ProgramData%.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; With SetShellVarContext all, $APPDATA is %ProgramData%.
  StrCpy $R9 "$APPDATA\${APP}"
  CreateDirectory "$R9"
  ${If} $ProvisioningSrc != ""
    CopyFiles /SILENT "$ProvisioningSrc" "$R9\provisioning.toml"
  ${ElseIf} $Server != ""
    FileOpen $0 "$R9\provisioning.toml" w
    FileWriteUTF16LE /BOM $0 ""
    !insertmacro WriteLine $0 "# Written by the Window Clerk installer; check with: clerk-app self-check"
    !insertmacro WriteLine $0 "schema = 1"
    !insertmacro WriteLine $0 "[service]"
    !insertmacro WriteLine $0 'url = "$Server"'
    !insertmacro WriteLine $0 "[center]"
    !insertmacro WriteLine $0 'code = "$Center"'
    !insertmacro WriteLine $0 'name = "$CenterName"'
    !insertmacro WriteLine $0 "[window]"
    !insertmacro WriteLine $0 'code = "$Window"'
    !insertmacro WriteLine $0 'department = "$Department"'
    FileClose $0
  ${EndIf}
  ; Users read the machine's provisioning file; only administrators change it.
  ; By full path: a bare name would run an icacls.exe found first in the search path.
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R9" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0

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
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    StrCpy $Purge "1"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/FORCE" $R1
  ${IfNot} ${Errors}
    StrCpy $Force "1"
  ${EndIf}
  Call un.CheckUnsent
FunctionEnd

; Cases and documents not yet sent, on every user's desk: ask before removing anything.
; clerk-app unsent exits 0 (none), 1 (some; prints CASES DOCUMENTS OTHER UNREADABLE) or
; 2 (a desk could not be read); a missing or broken program ("error") is not asked about.
Function un.CheckUnsent
  ${If} $Force == "1"
  ${OrIfNot} ${FileExists} "$INSTDIR\clerk-app.exe"
    Return
  ${EndIf}
  nsExec::ExecToStack '"$INSTDIR\clerk-app.exe" unsent --all-users --numbers'
  Pop $0
  Pop $1
  ${WordFind} "$1" " " "+1" $R1
  ${WordFind} "$1" " " "+2" $R2
  ${WordFind} "$1" " " "+3" $R3
  ${WordFind} "$1" " " "+4" $R4
  ${If} $0 == "1"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnsentAsk)" /SD IDNO IDYES unsent_go
    SetErrorLevel 2
    Quit
  ${ElseIf} $0 == "2"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnsentUnknown)" /SD IDYES IDYES unsent_go
    SetErrorLevel 2
    Quit
  ${EndIf}
  unsent_go:
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\clerk-app.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
  ${If} $Purge == "1"
    ; Only when asked: the provisioning file and this user's local database and logs.
    RMDir /r "$APPDATA\${APP}"
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\${APP}"
  ${EndIf}
SectionEnd
