<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptedDialog</name>
    <message>
        <source>Case accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>The case is saved on this computer.</source>
        <translation>办件已保存在本机。</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>办件编号：</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>查询码：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>承诺办结日期：</translation>
    </message>
    <message>
        <source>Receipt: %1</source>
        <translation>受理回执：%1</translation>
    </message>
    <message>
        <source>The receipt could not be written; reprint it later.</source>
        <translation>受理回执未能生成，请稍后补打。</translation>
    </message>
    <message>
        <source>&amp;Open receipt</source>
        <translation>打开回执(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>打印受理通知书(&amp;P)…</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>打印回执小票(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Next applicant</source>
        <translation>下一位申请人(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Search by name or item code (Ctrl+F)</source>
        <translation>按事项名称或事项编码搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>服务事项</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connection…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>最近联系 %1</translation>
    </message>
    <message>
        <source>clock off by %1 min</source>
        <translation>时钟偏差 %1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 件被拒收</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the connection to the records service</source>
        <translation>查看与中心办件库的连接</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Connection to the records service</source>
        <translation>与中心办件库的连接</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>待发送：</translation>
    </message>
    <message>
        <source>Last contact:</source>
        <translation>最近联系：</translation>
    </message>
    <message>
        <source>Clock:</source>
        <translation>时钟：</translation>
    </message>
    <message>
        <source>Rejected by the service (not sent again):</source>
        <translation>被中心拒收（不再自动重发）：</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>not compared yet</source>
        <translation>尚未比对</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 minutes ahead of the service. Ask IT to correct it.</source>
        <translation>本机时钟比中心快 %1 分钟，请联系信息技术人员校正。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 minutes behind the service. Ask IT to correct it.</source>
        <translation>本机时钟比中心慢 %1 分钟，请联系信息技术人员校正。</translation>
    </message>
    <message>
        <source>in step with the service</source>
        <translation>与中心一致</translation>
    </message>
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <source>What is accepted (scope and conditions)</source>
        <translation>受理项目（受理范围与条件）</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>办事程序</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <source>Promised time limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>政策依据</translation>
    </message>
    <message>
        <source>Pick a service item on the left to see its disclosures.</source>
        <translation>请在左侧选择服务事项，查看其六公开内容。</translation>
    </message>
    <message>
        <source>DEMO</source>
        <extracomment>Badge on demo catalog items: the data is an example, not a real rule.</extracomment>
        <translation>示例</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>受理条件：</translation>
    </message>
    <message>
        <source>Not published.</source>
        <translation>未公开。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>original</source>
        <extracomment>A material handed in as the original document (原件).</extracomment>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>A material handed in as a photocopy (复印件), not a number of copies.</extracomment>
        <translation>复印件</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>if applicable</source>
        <translation>视情况提供</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <extracomment>Fee standard of an item that charges nothing (不收费).</extracomment>
        <translation>不收费</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <source>Done on the spot</source>
        <translation>即时办结</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>statutory limit: %n working day(s)</source>
        <translation>
            <numerusform>法定时限：%n 个工作日</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up this window</source>
        <translation>设置本窗口</translation>
    </message>
    <message>
        <source>Records service address:</source>
        <translation>记录服务地址：</translation>
    </message>
    <message>
        <source>Center CA certificate (optional):</source>
        <translation>中心 CA 证书（可选）：</translation>
    </message>
    <message>
        <source>Center code:</source>
        <translation>中心代码：</translation>
    </message>
    <message>
        <source>Center name:</source>
        <translation>中心名称：</translation>
    </message>
    <message>
        <source>Window code:</source>
        <translation>窗口编号：</translation>
    </message>
    <message>
        <source>Window name (optional):</source>
        <translation>窗口名称（可选）：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>所属部门：</translation>
    </message>
    <message>
        <source>No provisioning file was found. Enter the window&apos;s set-up from IT; it is checked with the records service before it is saved.</source>
        <translation>未找到窗口配置文件。请填写信息科提供的窗口设置；保存前会与记录服务核对。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Center CA certificate</source>
        <translation>中心 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>请更正红字标出的项。</translation>
    </message>
    <message>
        <source>Checking the records service…</source>
        <translation>正在检查记录服务…</translation>
    </message>
    <message>
        <source>window: checked at the first sign-in, which also registers this computer with the service.</source>
        <translation>窗口：首次登录时核对，同时向服务登记本电脑。</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Promised case</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <source>Accept the case (Ctrl+Return)</source>
        <translation>受理本件（Ctrl+Return）</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>original</source>
        <extracomment>A material handed in as the original document (原件).</extracomment>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>A material handed in as a photocopy (复印件), not a number of copies.</extracomment>
        <translation>复印件</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>非必需</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) from today)</source>
        <translation>
            <numerusform>%1（自今日起 %n 个工作日）</numerusform>
        </translation>
    </message>
    <message>
        <source>Provisional: the holiday calendar for that year is not published yet; weekends only were counted.</source>
        <translation>暂定：该年度法定节假日安排尚未公布，仅按周末计算。</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>请先选择服务事项。</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>居民身份证号码</translation>
    </message>
    <message>
        <source>Resident ID number (incomplete)</source>
        <translation>居民身份证号码（未输完）</translation>
    </message>
    <message>
        <source>A valid resident ID number</source>
        <translation>有效的居民身份证号码</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>A valid mobile number</source>
        <translation>有效的手机号码</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>A valid unified social credit code</source>
        <translation>有效的统一社会信用代码</translation>
    </message>
    <message>
        <source>Confirm the credit code against the business licence</source>
        <translation>核对营业执照后确认统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>A valid contact phone</source>
        <translation>有效的联系电话</translation>
    </message>
    <message>
        <source>Material: %1</source>
        <extracomment>%1 is the name of a required material that is not ticked as received.</extracomment>
        <translation>材料：%1</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the entries of the &quot;Still needed&quot; list.</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚缺：%1</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>自然人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>法人或其他组织(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Resident &amp;ID:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>手机号码(&amp;M)：</translation>
    </message>
    <message>
        <source>Organization &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>I have compared the code with the business licence; it is correct</source>
        <translation>已与营业执照核对，代码无误</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>Contact p&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>收取材料</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>原件/复印件</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>是否必需</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全部勾选(&amp;A)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Case kind:</source>
        <translation>办件类型：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>承诺办结日期：</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <source>A resident ID has 18 characters; {length} were entered.</source>
        <translation>居民身份证号码应为 18 位，当前输入 {length} 位。</translation>
    </message>
    <message>
        <source>A resident ID has 17 digits and then a digit or X; other characters were entered.</source>
        <translation>居民身份证号码应为 17 位数字加 1 位数字或 X，输入中含有其他字符。</translation>
    </message>
    <message>
        <source>The check digit (the last character) does not match the other 17: a character was mistyped or misread.</source>
        <translation>校验码（最后一位）与前 17 位不符：有字符输错或读错。</translation>
    </message>
    <message>
        <source>The birth date in the number ({value}) is not a possible date of birth.</source>
        <translation>号码中的出生日期（{value}）不是有效的出生日期。</translation>
    </message>
    <message>
        <source>This is a residence permit number of a Hong Kong, Macau or Taiwan resident (starts with {prefix}): check it against the permit.</source>
        <translation>这是港澳台居民居住证号码（以 {prefix} 开头），请与居住证核对。</translation>
    </message>
    <message>
        <source>The area code {area} is not known for this birth year; it may be a renamed area. Check it against the card.</source>
        <translation>地址码 {area} 在该出生年份无记录，可能是已更名的行政区划，请与证件核对。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; {length} were entered.</source>
        <translation>统一社会信用代码应为 18 位，当前输入 {length} 位。</translation>
    </message>
    <message>
        <source>A unified social credit code uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY.</source>
        <translation>统一社会信用代码只能由数字和字母 ABCDEFGHJKLMNPQRTUWXY 组成。</translation>
    </message>
    <message>
        <source>The check character of this credit code does not match. Some real codes fail this check: compare it with the business licence and confirm below.</source>
        <translation>该信用代码的校验码不符。少数真实代码也无法通过校验：请与营业执照核对后在下方确认。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13 to 19.</source>
        <translation>手机号码应为 11 位数字，以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>The document number is empty.</source>
        <translation>证件号码为空。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Window Clerk</source>
        <translation>登录 — 窗口受理客户端</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>The local database was damaged. It has been set aside, not deleted, as %1, and a new, empty one was created. Cases not yet sent may still be in the old file: call IT support before taking in cases.</source>
        <translation>本地数据库已损坏，已另存为 %1（未删除），并新建了一个空数据库。尚未发送的办件可能仍在旧文件中：请先联系信息技术人员，再受理办件。</translation>
    </message>
    <message>
        <source>The records service cannot be reached (offline).</source>
        <translation>无法连接中心办件库（离线）。</translation>
    </message>
    <message>
        <source>This user has never signed in online at this window, so an offline sign-in is not possible yet. Sign in once while the service is reachable.</source>
        <translation>该用户从未在本窗口在线登录过，暂不能离线登录。请在能连接中心时先在线登录一次。</translation>
    </message>
    <message>
        <source>The last online sign-in at this window is too long ago for an offline sign-in. Sign in while the service is reachable.</source>
        <translation>本窗口上次在线登录距今过久，不能离线登录。请在能连接中心时在线登录。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>窗口：</translation>
    </message>
    <message>
        <source>Records service:</source>
        <translation>记录服务：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Window Clerk — %1, window %2</source>
        <translation>窗口受理客户端 — %1，%2 号窗口</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>受理人：%1</translation>
    </message>
    <message>
        <source>Window: %1</source>
        <translation>窗口：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Signed in offline</source>
        <translation>离线登录</translation>
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
        <source>&amp;Intake</source>
        <translation>受理(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Find item</source>
        <translation>查找事项(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Accept case</source>
        <translation>受理本件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Self-check…</source>
        <translation>自检(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About Window Clerk</source>
        <translation>关于窗口受理客户端(&amp;A)</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+F)</source>
        <translation>搜索事项目录（Ctrl+F）</translation>
    </message>
    <message>
        <source>About Window Clerk</source>
        <translation>关于窗口受理客户端</translation>
    </message>
    <message>
        <source>Window Clerk %1
Intake client for the windows of a government service center.</source>
        <translation>窗口受理客户端 %1
政务服务中心各部门窗口的受理客户端。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 件待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n 件被拒收</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the case…</source>
        <translation>正在保存办件…</translation>
    </message>
    <message>
        <source>Print service &amp;guide…</source>
        <translation>打印办事指南(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>The disk is full. Nothing was saved. Free some disk space or call IT support, then try again.</source>
        <translation>磁盘已满，未保存任何内容。请清理磁盘空间或联系信息技术支持后重试。</translation>
    </message>
    <message>
        <source>The local database is busy (locked by another program). Nothing was saved. Wait a moment and try again.</source>
        <translation>本地数据库正忙（被其他程序锁定），未保存任何内容。请稍候重试。</translation>
    </message>
    <message>
        <source>The local database is damaged. Stop taking in cases on this computer and call IT support.</source>
        <translation>本地数据库已损坏。请停止在本机受理，并联系信息技术支持。</translation>
    </message>
    <message>
        <source>The local database could not be used: %1</source>
        <translation>无法使用本地数据库：%1</translation>
    </message>
    <message>
        <source>The records service&apos;s certificate is not trusted. Check the CA bundle in the provisioning file or call IT support.</source>
        <translation>记录服务的证书不受信任。请检查配置文件中的 CA 证书，或联系信息技术支持。</translation>
    </message>
    <message>
        <source>The records service cannot be reached (offline). Check the network cable or try again later.</source>
        <translation>无法连接记录服务（离线）。请检查网线或稍后重试。</translation>
    </message>
    <message>
        <source>The records service gave an answer this client does not understand. Call IT support.</source>
        <translation>记录服务返回了本客户端无法识别的应答，请联系信息技术支持。</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account may not do that at this window.</source>
        <translation>该账号无权在本窗口执行此操作。</translation>
    </message>
    <message>
        <source>This client (version %1) is older than the records service accepts (version %2 or newer). Ask IT support to install the new version.</source>
        <translation>本客户端（版本 %1）过旧，记录服务要求 %2 或更高版本。请联系信息科安装新版本。</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, or ask the shift lead to unlock it.</source>
        <translation>尝试次数过多。请等待几分钟，或请值班负责人解锁。</translation>
    </message>
    <message>
        <source>The records service refused the request (%1).</source>
        <translation>记录服务拒绝了请求（%1）。</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <translation>窗口受理客户端</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is set for this document. Choose one or print to PDF.</source>
        <translation>此类文书尚未设置打印机。请选择打印机，或打印为 PDF。</translation>
    </message>
    <message>
        <source>Printer “%1” is not available here. The PDF is saved; choose another printer.</source>
        <translation>本机找不到打印机“%1”。文书已保存为 PDF，请选择其他打印机。</translation>
    </message>
    <message>
        <source>Printer “%1” refuses new jobs. The PDF is saved; ask IT to check it.</source>
        <translation>打印机“%1”拒绝接收打印任务。文书已保存为 PDF，请联系信息技术人员检查。</translation>
    </message>
    <message>
        <source>Printer “%1” refused the document. The PDF is saved; check the printer.</source>
        <translation>打印机“%1”未能接收本文书。文书已保存为 PDF，请检查打印机后重新打印。</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: this window cannot work properly. Ask IT.</source>
        <translation>
            <numerusform>%n 项检查未通过：本窗口无法正常工作，请联系信息科。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Works, with %n warning(s).</source>
        <translation>
            <numerusform>可以使用，有 %n 项警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is fine.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <source>The self-check itself failed: %1</source>
        <translation>自检本身出错：%1</translation>
    </message>
</context>
</TS>
