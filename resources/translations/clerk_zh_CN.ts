<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptedDialog</name>
    <message>
        <source>Decision saved</source>
        <translation>决定已保存</translation>
    </message>
    <message>
        <source>The decision is saved on this computer: %1.</source>
        <translation>决定已保存在本机：%1。</translation>
    </message>
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
        <source>Notice: %1</source>
        <translation>通知书：%1</translation>
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
        <source>&amp;Open notice</source>
        <translation>打开通知书(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>打印受理通知书(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print notice…</source>
        <translation>打印通知书(&amp;P)…</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>打印回执小票(&amp;S)…</translation>
    </message>
    <message>
        <source>Print commitment &amp;letter…</source>
        <translation>打印告知承诺书(&amp;L)…</translation>
    </message>
    <message>
        <source>The applicant signs the written commitment (告知承诺书)</source>
        <translation>请申请人在告知承诺书上签字</translation>
    </message>
    <message>
        <source>Ask for &amp;rating</source>
        <translation>请求评价(&amp;R)</translation>
    </message>
    <message>
        <source>Ask the applicant to rate the service</source>
        <translation>请申请人对本次服务进行评价</translation>
    </message>
    <message>
        <source>&amp;Next applicant</source>
        <translation>下一位申请人(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ApplicantDesk</name>
    <message>
        <source>Ask applicant to &amp;confirm</source>
        <extracomment>What the applicant screen&apos;s rating carries for a queue visit (not a case number). The queue visit being rated: its key on the screen and how to save its rating.</extracomment>
        <translation>请申请人确认(&amp;C)</translation>
    </message>
    <message>
        <source>Show the case to the applicant to confirm (F9)</source>
        <translation>在申请人确认屏上显示本件供其核对 (F9)</translation>
    </message>
    <message>
        <source>Applicant screen: no second monitor</source>
        <translation>申请人屏：未接第二台显示器</translation>
    </message>
    <message>
        <source>Applicant: not confirmed</source>
        <translation>申请人：未确认</translation>
    </message>
    <message>
        <source>Applicant: checking…</source>
        <translation>申请人：核对中…</translation>
    </message>
    <message>
        <source>Applicant: confirmed ✓</source>
        <translation>申请人：已确认 ✓</translation>
    </message>
    <message>
        <source>Applicant: asked to correct</source>
        <translation>申请人：要求更正</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>请先选择办理事项。</translation>
    </message>
    <message>
        <source>Acceptance waits for the applicant&apos;s confirmation, but the applicant screen cannot show: only one monitor is connected. Connect the applicant&apos;s monitor, or turn off &quot;Accept only after the applicant confirmed&quot; in File ▸ Settings.</source>
        <translation>受理需要申请人确认，但申请人屏无法显示：只连接了一台显示器。请接上申请人的显示器，或在“文件 ▸ 设置”中取消“申请人确认后方可受理”。</translation>
    </message>
    <message>
        <source>The applicant has not confirmed the case yet (F9 asks).</source>
        <translation>申请人尚未确认本件（按 F9 请其确认）。</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>排队号 %1</translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation>办件编号 %1</translation>
    </message>
    <message>
        <source>The applicant&apos;s rating is saved.</source>
        <translation>申请人的评价已保存。</translation>
    </message>
    <message>
        <source>The rating could not be saved: %1</source>
        <translation>评价未能保存：%1</translation>
    </message>
</context>
<context>
    <name>ApplicantScreen</name>
    <message>
        <source>Only one monitor is connected, so the applicant screen is not shown (it would cover your desk). It appears as soon as a second monitor is connected.</source>
        <translation>只连接了一台显示器，因此不显示申请人屏（否则会遮住您的工作界面）。接上第二台显示器后即自动显示。</translation>
    </message>
    <message>
        <source>Applicant screen</source>
        <translation>申请人确认屏</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎光临</translation>
    </message>
    <message>
        <source>Please have your documents ready.</source>
        <translation>请准备好您的证件和材料</translation>
    </message>
    <message>
        <source>Please check your application</source>
        <translation>请核对您的申请信息</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>已收材料</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Needs correcting</source>
        <translation>需要更正</translation>
    </message>
    <message>
        <source>All correct</source>
        <translation>确认无误</translation>
    </message>
    <message>
        <source>How was our service today?</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <source>Anything to add? (optional, tap to choose)</source>
        <translation>您的印象（可选，点击选择）</translation>
    </message>
    <message>
        <source>Quick and efficient</source>
        <translation>办事效率高</translation>
    </message>
    <message>
        <source>Friendly staff</source>
        <translation>服务态度好</translation>
    </message>
    <message>
        <source>Done in one visit</source>
        <translation>一次办好</translation>
    </message>
    <message>
        <source>Long wait</source>
        <translation>等候时间长</translation>
    </message>
    <message>
        <source>Unclear what to bring</source>
        <translation>材料要求不清楚</translation>
    </message>
    <message>
        <source>Staff attitude</source>
        <translation>服务态度需改进</translation>
    </message>
    <message>
        <source>Tap one to rate:</source>
        <translation>请点击下方按钮评价：</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <source>Confirmed — thank you!</source>
        <translation>已确认，谢谢！</translation>
    </message>
    <message>
        <source>The clerk is now processing your application.</source>
        <translation>工作人员正在为您办理。</translation>
    </message>
    <message>
        <source>Please tell the clerk what needs correcting.</source>
        <translation>请告诉工作人员需要更正的内容。</translation>
    </message>
    <message>
        <source>You will be asked to check the application again.</source>
        <translation>更正后会请您再核对一次。</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the names of the materials received.</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation>办件编号 %1</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>No place is left in that half-day: choose another.</source>
        <translation>该半天已约满，请选择其他时段。</translation>
    </message>
    <message>
        <source>The center is closed then (not a working day, or that half-day is over), or this business takes no appointments.</source>
        <translation>该时段中心不办公（非工作日或该半天已结束），或此业务不接受预约。</translation>
    </message>
    <message>
        <source>This ID number has an appointment for this business on that day already.</source>
        <translation>此身份证号当天已预约此业务。</translation>
    </message>
    <message>
        <source>The ID number is not valid.</source>
        <translation>身份证号无效。</translation>
    </message>
    <message>
        <source>The phone is not a mobile number.</source>
        <translation>电话不是有效的手机号码。</translation>
    </message>
    <message>
        <source>Type the applicant&apos;s name.</source>
        <translation>请输入申请人姓名。</translation>
    </message>
    <message>
        <source>No such appointment for this ID number: check the code and the ID card.</source>
        <translation>此身份证号没有该预约：请核对预约码和身份证。</translation>
    </message>
    <message>
        <source>This appointment was checked in at the kiosk already: its ticket is in the queue.</source>
        <translation>此预约已在取号机签到，号票已在排队中。</translation>
    </message>
    <message>
        <source>This appointment&apos;s half-day is over.</source>
        <translation>此预约的时段已结束。</translation>
    </message>
    <message>
        <source>This appointment was cancelled already.</source>
        <translation>此预约已取消。</translation>
    </message>
    <message>
        <source>The center refused a field: check the entries.</source>
        <translation>中心拒绝了某一项：请检查填写内容。</translation>
    </message>
    <message>
        <source>Appointments need the connection to the center.</source>
        <translation>预约需要连接到中心。</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>中心拒绝了此操作。</translation>
    </message>
    <message>
        <source>Appoint&amp;ments…</source>
        <translation>预约(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>AppointmentsDialog</name>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>预约登记</translation>
    </message>
    <message>
        <source>Cancel an appointment</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>B&amp;usiness:</source>
        <translation>业务(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Appointment c&amp;ode:</source>
        <translation>预约码(&amp;O)：</translation>
    </message>
    <message>
        <source>ID number of the &amp;holder:</source>
        <translation>预约人身份证号(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Cancel the appointment</source>
        <translation>取消预约(&amp;C)</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>预约码</translation>
    </message>
    <message>
        <source>Enter in the booking fields books (Alt+B); Enter in the cancel fields cancels (Alt+C). Esc closes.</source>
        <translation>在预约栏中按回车即预约（Alt+B）；在取消栏中按回车即取消（Alt+C）。Esc 关闭。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>morning 9:00–12:00</source>
        <translation>上午 9:00–12:00</translation>
    </message>
    <message>
        <source>afternoon 13:00–17:00</source>
        <translation>下午 13:00–17:00</translation>
    </message>
    <message>
        <source>%1: %2 places per half-day.</source>
        <translation>%1：每半天 %2 个名额。</translation>
    </message>
    <message>
        <source>No business of the hall takes appointments.</source>
        <translation>大厅没有可预约的业务。</translation>
    </message>
    <message>
        <source>Booked: %1, %2.</source>
        <translation>已预约：%1，%2。</translation>
    </message>
    <message>
        <source>Places left in that half-day: %1.</source>
        <translation>该半天剩余名额：%1。</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>This applicant missed %1 earlier appointments.</source>
        <translation>此申请人此前有 %1 次预约未到。</translation>
    </message>
    <message>
        <source>Read the code out to the applicant: %1</source>
        <translation>请向申请人读出预约码：%1</translation>
    </message>
    <message>
        <source>Appointment %1 is cancelled: its place is free again.</source>
        <translation>预约 %1 已取消，名额已释放。</translation>
    </message>
</context>
<context>
    <name>BadRatingsBox</name>
    <message>
        <source>Bad ratings (Ctrl+B; Alt+G raises a complaint)</source>
        <translation>差评（Ctrl+B；Alt+G 据此登记投诉）</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价内容</translation>
    </message>
    <message>
        <source>Rated from (day)</source>
        <translation>评价起始日</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>格式 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Rated to (day)</source>
        <translation>评价截止日</translation>
    </message>
    <message>
        <source>Department of the window</source>
        <translation>窗口所属部门</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>如 GA</translation>
    </message>
    <message>
        <source>Followed up or not</source>
        <translation>是否已回访</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Number %1, please go to window %2</source>
        <extracomment>The headline&apos;s panel and the tiles of the windows. Today&apos;s calls, oldest first. The calls handed to the voice, in order (what the hall heard).</extracomment>
        <translation>请 %1 号到 %2 号窗口</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>Call panel — %1</source>
        <translation>叫号屏 — %1</translation>
    </message>
    <message>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>Please wait for your number to be called</source>
        <translation>请留意叫号，耐心等候</translation>
    </message>
    <message>
        <source>Called again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <source>Current call</source>
        <translation>当前呼叫</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>最近呼叫</translation>
    </message>
    <message>
        <source>Now serving at each window</source>
        <translation>各窗口当前号</translation>
    </message>
    <message>
        <source>Listen for your number, or watch this screen.</source>
        <translation>请留意语音叫号或本屏显示，过号请到原窗口重新呼叫。</translation>
    </message>
    <message>
        <source>Calls are not arriving: %1</source>
        <translation>叫号信息暂未更新：%1</translation>
    </message>
</context>
<context>
    <name>CallingBar</name>
    <message>
        <source>Calling</source>
        <extracomment>The Idempotency-Key of each step not yet answered, by (action, ticket, body): the step pressed again after a lost answer is sent with the same key.</extracomment>
        <translation>叫号</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>叫号(&amp;Q)</translation>
    </message>
    <message>
        <source>Call &amp;next</source>
        <translation>呼叫下一位(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>重呼(&amp;R)</translation>
    </message>
    <message>
        <source>Call a ticket by &amp;number…</source>
        <translation>按号码呼叫(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转移(&amp;T)…</translation>
    </message>
    <message>
        <source>No-&amp;show</source>
        <translation>过号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Finish the visit</source>
        <translation>办结本号(&amp;F)</translation>
    </message>
    <message>
        <source>Resume the &amp;service</source>
        <translation>恢复服务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause the service…</source>
        <translation>暂停服务(&amp;P)…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一位</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>e.g. A012</source>
        <translation>如 A012</translation>
    </message>
    <message>
        <source>Ticket number to call</source>
        <translation>要呼叫的排队号</translation>
    </message>
    <message>
        <source>Type a ticket number and press Enter (F3)</source>
        <translation>输入排队号后按回车（F3）</translation>
    </message>
    <message>
        <source>Ticket at the window</source>
        <translation>本窗口当前号</translation>
    </message>
    <message>
        <source>Service paused: %1</source>
        <translation>暂停服务：%1</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>正在办理 %1</translation>
    </message>
    <message numerus="yes">
        <source>called %n more time(s)</source>
        <translation>
            <numerusform>已重呼 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>cases: %1</source>
        <translation>办件：%1</translation>
    </message>
    <message>
        <source>No ticket at the window. Press F6 to call the next.</source>
        <translation>窗口暂无办理号。按 F6 呼叫下一位。</translation>
    </message>
    <message>
        <source>“%1” is not a ticket number: type a letter and up to three digits, e.g. A012.</source>
        <translation>“%1”不是排队号：请输入一个字母加最多三位数字，如 A012。</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window&apos;s categories.</source>
        <translation>本窗口办理的业务暂无人等候。</translation>
    </message>
    <message>
        <source>Ticket %1 is still at the window: finish it (F7) or mark it a no-show (Shift+F7) first.</source>
        <translation>%1 号仍在本窗口办理：请先办结（F7）或过号（Shift+F7）。</translation>
    </message>
    <message>
        <source>The service is paused: resume it first (Ctrl+F7).</source>
        <translation>本窗口已暂停服务：请先恢复服务（Ctrl+F7）。</translation>
    </message>
    <message>
        <source>This window serves no queue category yet; the shift lead sets them.</source>
        <translation>本窗口尚未设置办理的排队业务，请值班长设置。</translation>
    </message>
    <message>
        <source>Ticket %1 is of a category this window does not serve (or was sent to another window).</source>
        <translation>%1 号的业务不在本窗口办理（或已转到其他窗口）。</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting: it was called or served already.</source>
        <translation>%1 号不在等候中：已被呼叫或已办理。</translation>
    </message>
    <message>
        <source>There is no ticket %1 today.</source>
        <translation>今天没有 %1 号。</translation>
    </message>
    <message>
        <source>Ticket %1 is not at this window now.</source>
        <translation>%1 号当前不在本窗口。</translation>
    </message>
    <message>
        <source>That window is closed (paused, or it serves no category): choose another.</source>
        <translation>该窗口未开放（暂停服务或未设置业务）：请另选。</translation>
    </message>
    <message>
        <source>The service was paused already.</source>
        <translation>本窗口已处于暂停服务。</translation>
    </message>
    <message>
        <source>The service was not paused.</source>
        <translation>本窗口并未暂停服务。</translation>
    </message>
    <message>
        <source>You are signed in for another window.</source>
        <translation>您登录的是其他窗口。</translation>
    </message>
    <message>
        <source>Calling needs the records service: sign in again online.</source>
        <translation>叫号需要连接中心服务：请在线重新登录。</translation>
    </message>
    <message>
        <source>Ticket %1 is at the window: going on with it.</source>
        <translation>%1 号仍在本窗口：继续办理。</translation>
    </message>
    <message>
        <source>Calling %1.</source>
        <translation>正在呼叫 %1。</translation>
    </message>
    <message>
        <source>No ticket at the window.</source>
        <translation>窗口暂无办理号。</translation>
    </message>
    <message>
        <source>Calling %1 again.</source>
        <translation>再次呼叫 %1。</translation>
    </message>
    <message>
        <source>%1 marked as not come.</source>
        <translation>%1 号已过号。</translation>
    </message>
    <message>
        <source>%1 transferred: it waits as %2, keeping its place.</source>
        <translation>%1 号已转移：以 %2 号继续等候，保留原排位。</translation>
    </message>
    <message>
        <source>Visit %1 finished.</source>
        <translation>%1 号办结。</translation>
    </message>
    <message>
        <source>Service resumed.</source>
        <translation>已恢复服务。</translation>
    </message>
    <message>
        <source>Case %1 is part of visit %2; the applicant rates the visit at Finish.</source>
        <translation>办件 %1 已关联 %2 号；办结时由申请人对本次服务评价一次。</translation>
    </message>
    <message>
        <source>The applicant&apos;s rating of visit %1 is saved.</source>
        <translation>%1 号的评价已保存。</translation>
    </message>
    <message>
        <source>The rating could not be saved: %1</source>
        <translation>评价未能保存：%1</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <source>The ID card reader&apos;s software (the library named in the provisioning file) is missing or cannot be loaded. Type the ID number, and call IT support.</source>
        <translation>身份证阅读器的软件（配置文件中指定的库）缺失或无法加载。请手工输入证件号码，并联系信息科。</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s software is 32-bit and cannot be loaded by this 64-bit program. Type the ID number for now, and call IT support: with [idcard] mode = &quot;helper&quot; in the provisioning file the desk reads the card through its 32-bit helper program (README, &quot;Devices on the counter&quot;).</source>
        <translation>身份证阅读器的软件是 32 位的，本程序（64 位）无法直接加载。请先手工输入证件号码，并联系信息科：在配置文件的 [idcard] 中写上 mode = &quot;helper&quot;，本程序即通过 32 位的辅助程序读卡（见 README“Devices on the counter”一节）。</translation>
    </message>
    <message>
        <source>The library named for the ID card reader is not that kind of reader&apos;s software. Type the ID number, and call IT support.</source>
        <translation>为身份证阅读器指定的库不是该类阅读器的软件。请手工输入证件号码，并联系信息科。</translation>
    </message>
    <message>
        <source>No ID card reader answers. Check its cable (USB), then try again.</source>
        <translation>身份证阅读器没有响应。请检查连接线（USB）后重试。</translation>
    </message>
    <message>
        <source>No card on the reader. Put the ID card flat on the reader and try again.</source>
        <translation>阅读器上没有证件。请把身份证平放在阅读器上后重试。</translation>
    </message>
    <message>
        <source>The card was taken away during the read. Leave it on the reader and try again.</source>
        <translation>读卡时证件被拿开了。请把证件放在阅读器上不动，再试一次。</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s helper program (for its 32-bit software) is missing or cannot be started. Type the ID number, and call IT support.</source>
        <translation>身份证阅读器的辅助程序（用于其 32 位软件）缺失或无法启动。请手工输入证件号码，并联系信息技术支持。</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s helper program stopped working. Try again (it is started anew); if it happens again, type the ID number and call IT support.</source>
        <translation>身份证阅读器的辅助程序停止了工作。请再试一次（将重新启动它）；如仍如此，请手工输入证件号码并联系信息技术支持。</translation>
    </message>
    <message>
        <source>The ID card reader did not answer in time. Check its cable (USB), then try again, or type the ID number.</source>
        <translation>身份证阅读器未及时响应。请检查连接线（USB）后重试，或手工输入证件号码。</translation>
    </message>
    <message>
        <source>The card could not be read. Try again, or type the ID number.</source>
        <translation>无法读取证件。请重试，或手工输入证件号码。</translation>
    </message>
</context>
<context>
    <name>CardReaderPanel</name>
    <message>
        <source>Read ID card (F4)</source>
        <extracomment>A card&apos;s photo is 102 × 126 pixels; shown at twice that size. The role (``applicant`` / ``agent``) a card was read into.</extracomment>
        <translation>读身份证（F4）</translation>
    </message>
    <message>
        <source>F4: read the card into the applicant; Shift+F4: into the agent</source>
        <translation>F4：读入申请人；Shift+F4：读入代理人</translation>
    </message>
    <message>
        <source>Photo on the ID card</source>
        <translation>身份证上的照片</translation>
    </message>
    <message>
        <source>No card read</source>
        <translation>尚未读卡</translation>
    </message>
    <message>
        <source>The photo needs the reader vendor&apos;s decoder library</source>
        <translation>照片需厂商解码库</translation>
    </message>
    <message>
        <source>The card&apos;s photo cannot be shown by this reader&apos;s software</source>
        <translation>此阅读器的软件无法显示证件照片</translation>
    </message>
</context>
<context>
    <name>CardsTab</name>
    <message>
        <source>Yellow card</source>
        <translation>黄牌</translation>
    </message>
    <message>
        <source>Red card</source>
        <translation>红牌</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>牌</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>To</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Window or department code</source>
        <translation>窗口或部门代码</translation>
    </message>
    <message>
        <source>e.g. W01</source>
        <translation>如 W01</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>case numbers, comma-separated</source>
        <translation>办件编号，逗号分隔</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>complaint numbers</source>
        <translation>投诉编号</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>rating ids</source>
        <translation>评价编号</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Model window</source>
        <translation>样板窗口</translation>
    </message>
    <message>
        <source>What it did well</source>
        <translation>事迹</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>红黄牌</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>督查人员</translation>
    </message>
    <message>
        <source>Model windows</source>
        <translation>样板窗口</translation>
    </message>
    <message>
        <source>Warning card (Alt+I issues it)</source>
        <translation>红黄牌（Alt+I 发出）</translation>
    </message>
    <message>
        <source>Behind it</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Model window of the month (Alt+M designates it)</source>
        <translation>本月样板窗口（Alt+M 评定）</translation>
    </message>
    <message>
        <source>Alt+I: issue the card   Alt+M: designate   F5: reload</source>
        <translation>Alt+I：发牌   Alt+M：评定样板窗口   F5：刷新</translation>
    </message>
    <message>
        <source>Card issued to %1.</source>
        <translation>已向 %1 发牌。</translation>
    </message>
    <message>
        <source>%1 is the model window of %2.</source>
        <translation>%1 已评为 %2 样板窗口。</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>查询码：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>受理时间：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>承诺办结日：</translation>
    </message>
    <message>
        <source>Center:</source>
        <translation>中心记录：</translation>
    </message>
    <message>
        <source>Record  (Ctrl+Return)</source>
        <translation>记录  (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>Events so far</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Show full &amp;ID</source>
        <translation>显示完整证件号(&amp;I)</translation>
    </message>
    <message>
        <source>Show the whole ID number; this is recorded in the audit log (Alt+I)</source>
        <translation>显示完整证件号码；此操作记入审计日志（Alt+I）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>办理操作</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Missing:</source>
        <translation>缺少材料(&amp;M)：</translation>
    </message>
    <message>
        <source>One material a line; what it must be after a colon</source>
        <translation>每行一项材料；冒号后写明要求</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>更正项(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>更正为(&amp;N)：</translation>
    </message>
    <message>
        <source>Proc&amp;edure:</source>
        <translation>特别程序(&amp;E)：</translation>
    </message>
    <message>
        <source>O&amp;pinion:</source>
        <translation>审批意见(&amp;P)：</translation>
    </message>
    <message>
        <source>The opinion; required when the action needs a reason</source>
        <translation>审批意见；需要说明理由的操作必填</translation>
    </message>
    <message>
        <source>Record the action (Ctrl+Return)</source>
        <translation>记录此操作（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Record the action</source>
        <extracomment>The item&apos;s material code of a checklist entry.</extracomment>
        <translation>记录操作</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印文书…</translation>
    </message>
    <message>
        <source>Open the print preview of the notice (Ctrl+P)</source>
        <translation>打开文书的打印预览（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Chec&amp;klist:</source>
        <translation>清单勾选(&amp;K)：</translation>
    </message>
    <message>
        <source>E&amp;xtras:</source>
        <translation>其他材料(&amp;X)：</translation>
    </message>
    <message>
        <source>Tick each missing material with Space; the notice lists them all</source>
        <translation>用空格键勾选每项缺少的材料，通知书一次性列出全部</translation>
    </message>
    <message>
        <source>What the checklist does not name: one a line, what it must be after a colon</source>
        <translation>清单未列出的材料：每行一项，冒号后写明要求</translation>
    </message>
    <message>
        <source>No case %1 on this desk</source>
        <translation>本机没有办件 %1</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>recorded at the center</source>
        <translation>中心已记录</translation>
    </message>
    <message>
        <source>refused by the center</source>
        <translation>中心拒收</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>— choose the next action —</source>
        <translation>— 请选择下一步操作 —</translation>
    </message>
    <message>
        <source>This part&apos;s stage has not opened yet: it is worked once it opens.</source>
        <translation>本事项所在阶段尚未开启，开启后方可办理。</translation>
    </message>
    <message>
        <source>Case %1 at center %2: %3</source>
        <translation>上级中心 %2 案件 %1：%3</translation>
    </message>
    <message>
        <source>, completed on %1</source>
        <translation>，办结日期 %1</translation>
    </message>
    <message>
        <source>Forwarded to center %1; its case number shows after the next sync</source>
        <translation>已上报至上级中心 %1，上级案号在下次同步后显示</translation>
    </message>
    <message>
        <source>Center above:</source>
        <translation>上级中心：</translation>
    </message>
    <message>
        <source>Center above</source>
        <translation>上级中心</translation>
    </message>
    <message>
        <source>joint case %1, stage %2</source>
        <translation>联合办件 %1，阶段 %2</translation>
    </message>
    <message>
        <source>waiting for its stage</source>
        <translation>待阶段开启</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>办结日改为 %1</translation>
    </message>
    <message>
        <source>to center %1</source>
        <translation>至上级中心 %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前补齐</translation>
    </message>
    <message>
        <source>Choose the action to record.</source>
        <translation>请先选择要登记的操作。</translation>
    </message>
    <message>
        <source>No action is possible for this case now.</source>
        <translation>此办件当前无可办理的操作。</translation>
    </message>
    <message>
        <source>Write the opinion: this action needs a reason.</source>
        <translation>请填写审批意见：此操作须说明理由。</translation>
    </message>
    <message>
        <source>Tick every missing material on the checklist (Space), or type it under Extras.</source>
        <translation>请在清单中用空格键勾选每项缺少的材料，或在“其他材料”中填写。</translation>
    </message>
    <message>
        <source>Tick every material the part still needs on the checklist (Space), or type it under Extras.</source>
        <translation>请在材料清单中勾选本事项仍需补正的每项材料（空格键），或填写在“其他”中。</translation>
    </message>
    <message>
        <source>Write the reason for forwarding the case under Opinion.</source>
        <translation>请在“审批意见”中写明上报理由。</translation>
    </message>
    <message>
        <source>Not forwarded.</source>
        <translation>未上报。</translation>
    </message>
    <message>
        <source>The applicant is asked to rate this visit.</source>
        <translation>已请申请人对本次服务进行评价。</translation>
    </message>
    <message>
        <source>Enter the corrected value.</source>
        <translation>请填写更正后的内容。</translation>
    </message>
    <message>
        <source>The case&apos;s history</source>
        <translation>办件记录</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>The case changed meanwhile; this action is no longer possible.</source>
        <translation>办件状态已变化，此操作已不可办理。</translation>
    </message>
    <message>
        <source>Recorded: %1. Status now: %2.</source>
        <translation>已记录：%1。当前状态：%2。</translation>
    </message>
    <message>
        <source>Notice %1 saved; Ctrl+P prints it.</source>
        <translation>文书 %1 已保存；按 Ctrl+P 打印。</translation>
    </message>
    <message>
        <source>The notice could not be written: %1</source>
        <translation>文书未能生成：%1</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>Supplement notice</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <source>Deferred-materials acceptance</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Deferred material received</source>
        <translation>容缺材料补齐回执</translation>
    </message>
    <message>
        <source>Deferred acceptance ended</source>
        <translation>容缺受理终止通知书</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Forwarding notice</source>
        <translation>上报通知书</translation>
    </message>
    <message>
        <source>Completion notice</source>
        <translation>办结通知书</translation>
    </message>
    <message>
        <source>Fee notice</source>
        <translation>收费通知书</translation>
    </message>
    <message>
        <source>Void notice</source>
        <translation>作废通知书</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>更正通知书</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <source>Joint acceptance notice</source>
        <translation>联合受理通知书</translation>
    </message>
    <message>
        <source>Joint supplement notice</source>
        <translation>联合补正材料通知书</translation>
    </message>
    <message>
        <source>Stage completion notice</source>
        <translation>阶段办结通知书</translation>
    </message>
    <message>
        <source>Joint completion notice</source>
        <translation>联合办结通知书</translation>
    </message>
    <message>
        <source>Receipt slip (80 mm)</source>
        <translation>受理回执（80 毫米）</translation>
    </message>
    <message>
        <source>Payment notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Fiscal receipt (copy)</source>
        <translation>财政票据（副本）</translation>
    </message>
</context>
<context>
    <name>CaseDocumentsPanel</name>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>重印次数</translation>
    </message>
    <message>
        <source>No document has been issued for this case yet.</source>
        <translation>本案件尚未出具文书。</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>重印(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <source>This document was issued before its data was kept; open its PDF instead.</source>
        <translation>此文书出具时未保存其数据，无法重新生成；请打开其 PDF。</translation>
    </message>
    <message>
        <source>Reprint (%1)</source>
        <translation>重印（%1）</translation>
    </message>
    <message>
        <source>This document cannot be rebuilt here; open its PDF instead.</source>
        <translation>此文书无法在本机重新生成；请打开其 PDF。</translation>
    </message>
    <message>
        <source>Reprinting %1…</source>
        <translation>正在重印 %1…</translation>
    </message>
    <message>
        <source>Reprint of %1 saved as %2.</source>
        <translation>%1 的副本已保存为 %2。</translation>
    </message>
    <message>
        <source>The reprint was not made.</source>
        <translation>未能重印。</translation>
    </message>
</context>
<context>
    <name>CaseForward</name>
    <message>
        <source>Forward to the center above</source>
        <translation>上报上级中心</translation>
    </message>
    <message>
        <source>Forward the case</source>
        <translation>上报案件</translation>
    </message>
    <message>
        <source>Forward case %1 to %2? It is handled there from then on.</source>
        <translation>将案件 %1 上报至 %2？上报后由上级中心办理。</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>上报(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
</context>
<context>
    <name>CaseMaterialsDialog</name>
    <message>
        <source>Scans of case %1</source>
        <translation>案件 %1 的扫描件</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <source>Subsistence allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Destitute person</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Entitled group</source>
        <translation>优抚</translation>
    </message>
    <message>
        <source>Other rule</source>
        <translation>其他依规减免</translation>
    </message>
    <message>
        <source>Fee waiver of ¥%1 approved by lead %2 (notice %3, reason: %4)</source>
        <translation>减免 ¥%1 经负责人 %2 批准（缴款通知书 %3，事由：%4）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>待补正</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>特别程序中</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Completed (approved)</source>
        <translation>办结（准予）</translation>
    </message>
    <message>
        <source>Completed (not approved)</source>
        <translation>办结（不予）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Accepted, materials to follow</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Request supplement</source>
        <translation>要求补正</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>补正材料已收</translation>
    </message>
    <message>
        <source>Deferred material supplied</source>
        <translation>容缺材料已补齐</translation>
    </message>
    <message>
        <source>Deferred material not supplied</source>
        <translation>容缺材料逾期未补</translation>
    </message>
    <message>
        <source>Suspend (special procedure)</source>
        <translation>中止（特别程序）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复办理</translation>
    </message>
    <message>
        <source>Complete: approved</source>
        <translation>办结：准予</translation>
    </message>
    <message>
        <source>Complete: not approved</source>
        <translation>办结：不予</translation>
    </message>
    <message>
        <source>Withdrawn by the applicant</source>
        <translation>申请人撤回</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Commitment verified: it holds</source>
        <translation>告知承诺核查：属实</translation>
    </message>
    <message>
        <source>Commitment found false: revoked</source>
        <translation>告知承诺核查：承诺不实，已撤销</translation>
    </message>
    <message>
        <source>Correct a field</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>File needs for the consolidated notice</source>
        <translation>报送补正需求（由综合窗口一次性告知）</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听证</translation>
    </message>
    <message>
        <source>On-site inspection</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>检验检测</translation>
    </message>
    <message>
        <source>Expert review</source>
        <translation>专家评审</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <source>Cases of window %1</source>
        <translation>窗口 %1 的办件</translation>
    </message>
    <message>
        <source>%1 cases received from %2 to %3</source>
        <translation>%2 至 %3 共收件 %1 件</translation>
    </message>
    <message>
        <source>(the newest %1 shown)</source>
        <translation>（显示最新 %1 件）</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hall word</source>
        <translation>大厅显示</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>承诺期限</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <source>Settlement window — %1</source>
        <translation>收费结算窗口 — %1</translation>
    </message>
    <message>
        <source>Scan or type the payment code or notice number, then Enter</source>
        <translation>扫描或输入缴款码/通知书编号，按回车</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>&amp;1 Cash</source>
        <translation>现金(&amp;1)</translation>
    </message>
    <message>
        <source>&amp;2 Bank card</source>
        <translation>银行卡(&amp;2)</translation>
    </message>
    <message>
        <source>&amp;3 QR code</source>
        <translation>扫码(&amp;3)</translation>
    </message>
    <message>
        <source>Amount received (yuan)</source>
        <translation>实收金额（元）</translation>
    </message>
    <message>
        <source>POS or bank reference (card, QR)</source>
        <translation>POS或银行流水号（银行卡、扫码）</translation>
    </message>
    <message>
        <source>Waiting for the records service…</source>
        <translation>正在等待记录服务答复…</translation>
    </message>
    <message>
        <source>Payment code / notice no.</source>
        <translation>缴款码/通知书编号</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>缴款人</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>缴款方式</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Ctrl+Enter: take the payment and print the receipt   F9: today&apos;s totals</source>
        <translation>Ctrl+回车 收款并打印票据&#x3000;F9 当日汇总</translation>
    </message>
    <message>
        <source>This notice was not pulled: type its item code and amount.</source>
        <translation>此通知书未下载：请输入其事项编码和金额。</translation>
    </message>
    <message>
        <source>Scan or type a payment code first.</source>
        <translation>请先扫描或输入缴款码。</translation>
    </message>
    <message>
        <source>The amount received is not an amount (yuan, at most two decimals).</source>
        <translation>实收金额不是有效的金额（元，最多两位小数）。</translation>
    </message>
    <message>
        <source>Paid. Receipt number %1.</source>
        <translation>已收款，票据号码 %1。</translation>
    </message>
    <message>
        <source>Paper receipt; sent to the center when the link is back.</source>
        <translation>纸质票据；联网恢复后上传中心。</translation>
    </message>
    <message>
        <source>The receipt could not be printed: %1</source>
        <translation>票据未能打印：%1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>%1: %2 payment(s), total ¥%3</source>
        <translation>%1 共 %2 笔，合计 ¥%3</translation>
    </message>
    <message>
        <source>No notice has this payment code or notice number.</source>
        <translation>找不到这个缴款码或通知书编号。</translation>
    </message>
    <message>
        <source>This notice is paid already; it cannot be paid twice.</source>
        <translation>这张通知书已经缴过款，不能重复收款。</translation>
    </message>
    <message>
        <source>This notice is cancelled; it cannot be paid.</source>
        <translation>这张通知书已作废，不能收款。</translation>
    </message>
    <message>
        <source>The amount is not the notice&apos;s: a notice is paid in full at once.</source>
        <translation>金额与通知书不符：通知书须一次足额缴纳。</translation>
    </message>
    <message>
        <source>The fiscal receipt platform cannot be reached; try again shortly.</source>
        <translation>财政票据平台暂时无法连接，请稍后再试。</translation>
    </message>
    <message>
        <source>The records service refused this payment.</source>
        <translation>记录服务拒绝了这笔收款。</translation>
    </message>
    <message>
        <source>Card and QR payments need the fiscal platform: take cash, or wait for the link.</source>
        <translation>银行卡和二维码缴费需连接财政平台：请收现金，或待联网后办理。</translation>
    </message>
    <message>
        <source>The link dropped before the center answered: the payment is not confirmed. Ctrl+Enter again takes the cash on a paper receipt.</source>
        <translation>中心应答前网络中断：本笔缴费未确认。再按 Ctrl+Enter 以现金收款并开具纸质票据。</translation>
    </message>
    <message>
        <source>Offline, a notice is found by its notice number (JK-…).</source>
        <translation>离线时请按通知书编号（JK-…）查找。</translation>
    </message>
    <message>
        <source>This is not a notice number (JK-window-date-number).</source>
        <translation>这不是缴款通知书编号（JK-窗口-日期-序号）。</translation>
    </message>
    <message>
        <source>The catalog has no fee for this item.</source>
        <translation>事项目录中该事项无收费项目。</translation>
    </message>
    <message>
        <source>The amount is not the item&apos;s fee standard in the catalog; take it when the link is back.</source>
        <translation>金额与目录中该事项的收费标准不符；请待联网后收取。</translation>
    </message>
    <message>
        <source>This desk has no catalog yet: take it when the link is back.</source>
        <translation>本机尚无事项目录：请待联网后收取。</translation>
    </message>
    <message>
        <source>No blank paper receipt of yours is left on this desk: ask for a range.</source>
        <translation>本机已无您的空白纸质票据：请申领票据号段。</translation>
    </message>
    <message>
        <source>Less than due received: a notice is not paid in part.</source>
        <translation>实收金额少于应缴金额：不收部分缴款。</translation>
    </message>
    <message>
        <source>Only cash gets change: card and QR take the amount due.</source>
        <translation>只有现金可以找零：银行卡和扫码按应缴金额收取。</translation>
    </message>
    <message>
        <source>A card or QR payment needs its reference.</source>
        <translation>银行卡和扫码缴款须填写流水号。</translation>
    </message>
    <message>
        <source>This notice is paid or cancelled already.</source>
        <translation>这张通知书已经缴过款或已作废。</translation>
    </message>
    <message>
        <source>This payment breaks a fee rule.</source>
        <translation>这笔收款不符合收费规则。</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>lead: %1</source>
        <translation>牵头：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n department(s)</source>
        <translation>
            <numerusform>%n 个部门</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Catalog items</source>
        <translation>事项列表</translation>
    </message>
    <message>
        <source>&amp;Service items</source>
        <extracomment>Caption of the catalog list; Alt+S (or Ctrl+F) jumps to the search line.</extracomment>
        <translation>服务事项(&amp;S)</translation>
    </message>
    <message>
        <source>Name, code, department or pinyin (sfz)</source>
        <translation>名称、编码、部门或拼音（如 sfz）</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+F): item name, item code, department, or pinyin — initials such as sfz for 身份证, or full pinyin. Down/Up choose, Enter opens the item.</source>
        <translation>搜索事项目录（Ctrl+F）：事项名称、事项编码、部门或拼音——可用首字母（如 sfz 查身份证）或全拼。↓/↑ 选择，回车打开事项。</translation>
    </message>
    <message>
        <source>Packages (marked One thing or Project) are found by name, code or pinyin; Enter on one opens the joint intake.</source>
        <translation>「一件事」和「项目」可按名称、编码或拼音查找；在其上按回车打开联合受理。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commitment</name>
    <message>
        <source>Material {code} ({name}) cannot be replaced by a commitment.</source>
        <translation>材料 {code}（{name}）不适用告知承诺。</translation>
    </message>
    <message>
        <source>This item cannot be granted on a commitment as a whole.</source>
        <translation>本事项不适用整项告知承诺。</translation>
    </message>
    <message>
        <source>A written commitment goes only with accepting the case.</source>
        <translation>告知承诺只能用于受理的办件。</translation>
    </message>
    <message>
        <source>The applicant is on the serious-dishonesty list: no commitment; the certificates are needed.</source>
        <translation>申请人被列入严重失信主体名单：不适用告知承诺，须提交证明材料。</translation>
    </message>
    <message>
        <source>Query the serious-dishonesty list before accepting a commitment.</source>
        <translation>受理告知承诺前须查询严重失信主体名单。</translation>
    </message>
</context>
<context>
    <name>CommitmentPanel</name>
    <message>
        <source>Written commitment (告知承诺)</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <source>The applicant chose a commitment for the whole item (&amp;J)</source>
        <extracomment>The applicant asks for the whole item on a written commitment; Alt+J.</extracomment>
        <translation>申请人选择本事项整项告知承诺(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Queried the serious-dishonesty list:</source>
        <translation>严重失信名单查询(&amp;Q)：</translation>
    </message>
    <message>
        <source>not queried yet</source>
        <translation>尚未查询</translation>
    </message>
    <message>
        <source>queried: not listed</source>
        <translation>已查询：未列入</translation>
    </message>
    <message>
        <source>queried: listed (no commitment possible)</source>
        <translation>已查询：已列入（不适用告知承诺）</translation>
    </message>
    <message>
        <source>Only at the applicant&apos;s own request: mark a certificate with C in the checklist. A commitment letter is printed for signing; the department verifies it later.</source>
        <translation>仅限申请人自愿选择：在材料清单中按 C 标记以承诺替代的证明材料。告知承诺书打印后由申请人签字，部门事后核查。</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Take in a complaint (Ctrl+N; Ctrl+Return takes it in)</source>
        <translation>受理投诉（Ctrl+N；Ctrl+Return 受理）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>phone, for the call-back</source>
        <translation>电话，用于回访</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Window, department, clerk or case</source>
        <translation>窗口、部门、工作人员或办件</translation>
    </message>
    <message>
        <source>e.g. W01</source>
        <translation>如 W01</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Raised from a bad rating</source>
        <extracomment>One Idempotency-Key per complaint as typed: a retry after a lost answer sends the same key (the service answers with the complaint it took); an edited form, a new one.</extracomment>
        <translation>来自差评</translation>
    </message>
    <message>
        <source>Rated %1 of 5: %2</source>
        <translation>评价 %1 分（满分 5 分）：%2</translation>
    </message>
    <message>
        <source>From the bad rating of %1 at %2 (case %3)</source>
        <translation>来自 %1 在 %2 的差评（办件 %3）</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict with the center — case %1</source>
        <translation>与中心版本冲突 — 办件 %1</translation>
    </message>
    <message>
        <source>The center changed this case while this desk had changes of it that did not get there. Nothing is lost: choose which version stands.</source>
        <translation>本窗口对该办件的修改尚未送达中心时，中心已修改了该办件。所有记录均已保留：请选择以哪个版本为准。</translation>
    </message>
    <message>
        <source>On this desk</source>
        <translation>本窗口</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>At the center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Keep the &amp;center&apos;s</source>
        <translation>以中心为准(&amp;C)</translation>
    </message>
    <message>
        <source>Void this desk&apos;s events of the case and take the center&apos;s version (Alt+C)</source>
        <translation>作废本窗口对该办件的修改，采用中心的版本（Alt+C）</translation>
    </message>
    <message>
        <source>&amp;Resend mine</source>
        <translation>重新发送本窗口的(&amp;R)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>稍后决定(&amp;L)</translation>
    </message>
    <message>
        <source>Close; the conflict stays listed (Esc)</source>
        <translation>关闭；冲突仍保留在列表中（Esc）</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>This conflict has been decided already.</source>
        <translation>此冲突已处理。</translation>
    </message>
    <message>
        <source>Applicant: %1, %2</source>
        <translation>申请人：%1，%2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Not possible: after “%1” at the center the lifecycle no longer allows this desk&apos;s events.</source>
        <translation>无法重发：中心已为“%1”，按办件流程不再允许本窗口的这些操作。</translation>
    </message>
    <message>
        <source>Send this desk&apos;s events again on top of the center&apos;s version; the case becomes “%1” (Alt+R)</source>
        <translation>在中心版本之上重新发送本窗口的操作；办件将变为“%1”（Alt+R）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
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
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>no device token</source>
        <translation>无设备令牌</translation>
    </message>
    <message>
        <source>a clerk of this window signing in online restores it (F8)</source>
        <translation>本窗口办事员联网登录一次即可恢复（F8）</translation>
    </message>
    <message>
        <source>press F8</source>
        <translation>请按 F8</translation>
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
        <source>Rejected records</source>
        <translation>被拒收的记录</translation>
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
        <source>Changed at the center while this desk had unsent changes (decide):</source>
        <translation>本窗口有未送达的修改时中心已修改的办件（请处理）：</translation>
    </message>
    <message>
        <source>On this desk</source>
        <translation>本窗口</translation>
    </message>
    <message>
        <source>At the center</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>处理(&amp;S)…</translation>
    </message>
    <message>
        <source>Compare this desk&apos;s version with the center&apos;s and decide (Alt+S, or Enter)</source>
        <translation>对比本窗口与中心的版本并作出决定（Alt+S 或回车）</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新办件</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>联合受理件</translation>
    </message>
    <message>
        <source>Case action</source>
        <translation>办件操作</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Payment notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Payment notice cancelled</source>
        <translation>缴款通知书作废</translation>
    </message>
    <message>
        <source>Payment taken offline (paper receipt)</source>
        <translation>离线收取的缴费（纸质票据）</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Audit record</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Scanned page</source>
        <translation>扫描页</translation>
    </message>
    <message>
        <source>Other record</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <source>Scanned page %1 of “%2”</source>
        <translation>“%2”的第 %1 页扫描件</translation>
    </message>
    <message>
        <source>The page is too large for the center: %1 KB, and a page may have at most %2 KB. It stays on this desk; the case itself reached the center.</source>
        <translation>该页超出中心的大小限制：%1 KB，每页最多 %2 KB。该页仍保存在本机；办件本身已送达中心。</translation>
    </message>
    <message>
        <source>With this page the case&apos;s scans would pass the center&apos;s limit of %1 KB per case. It stays on this desk; the case itself reached the center.</source>
        <translation>加上该页，办件的扫描件将超过中心每件 %1 KB 的限制。该页仍保存在本机；办件本身已送达中心。</translation>
    </message>
    <message>
        <source>This desk cannot read the page (missing or damaged), so it cannot be sent. Call IT support.</source>
        <translation>本机无法读取该页（丢失或损坏），无法发送。请联系信息技术支持。</translation>
    </message>
    <message>
        <source>The center refused the page: %1</source>
        <translation>中心拒收该页：%1</translation>
    </message>
    <message>
        <source>%1 of %2 KB at the center; it goes on from there</source>
        <translation>中心已收到 %1 / %2 KB；将从此处继续发送</translation>
    </message>
    <message>
        <source>Sending stopped: this desk has no device token, so nothing taken in here reaches the center. A clerk of this window signing in once while the records service can be reached restores sending; if it stays, call IT support.</source>
        <translation>已停止上传：本机没有设备令牌，在此受理的办件都到不了中心。本窗口办事员联网登录一次即可恢复上传；如仍如此，请联系信息科。</translation>
    </message>
    <message>
        <source>Sending stopped: the records service no longer accepts this desk&apos;s sign-in (401). Sign out and sign in again.</source>
        <translation>已停止上传：中心办件库不再接受本机的登录（401）。请退出后重新登录。</translation>
    </message>
    <message>
        <source>Sending stopped: the records service needs a newer version of this client (426). Call IT support to update it.</source>
        <translation>已停止上传：中心办件库要求更新版本的客户端（426）。请联系信息科升级。</translation>
    </message>
    <message>
        <source>Sending stopped: the records service&apos;s certificate is not trusted. Call IT support (CA bundle in the provisioning file).</source>
        <translation>已停止上传：中心办件库的证书不受信任。请联系信息科（检查配置文件中的 CA 证书）。</translation>
    </message>
    <message>
        <source>This desk has no device token of its own: it sends only on a clerk&apos;s online sign-in, and cases taken in under an offline sign-in or after signing out wait. A clerk of this window signing in once while the records service can be reached restores it; if it stays, call IT support (the window may have as many desks as it is allowed).</source>
        <translation>本机没有自己的设备令牌：只在办事员联网登录时上传，离线登录时或退出登录后受理的办件都在等待。本窗口办事员联网登录一次即可恢复上传；如仍如此，请联系信息科（本窗口的电脑台数可能已达上限）。</translation>
    </message>
    <message>
        <source>Device token:</source>
        <translation>设备令牌：</translation>
    </message>
    <message>
        <source>Waiting to be sent (oldest first):</source>
        <translation>待上传（最早的在前）：</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Why not sent yet</source>
        <translation>尚未上传的原因</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>立即重试(&amp;N)</translation>
    </message>
    <message>
        <source>Send everything waiting now, and put the rejected items back in line</source>
        <translation>立即上传所有待上传项，并把被拒收的项重新排队</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 件待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>无待上传</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件办件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 份文书</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n 条其他记录</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1待上传</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No device token: sending stopped</source>
        <translation>无设备令牌：已停止上传</translation>
    </message>
    <message>
        <source>Sending stopped</source>
        <translation>已停止上传</translation>
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
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>expiry not known yet (learnt at its next renewal)</source>
        <translation>有效期暂不可知（下次自动续期后可知）</translation>
    </message>
    <message>
        <source>valid until %1 (renewed by itself before then)</source>
        <translation>有效期至 %1（到期前自动续期）</translation>
    </message>
    <message>
        <source>cannot be compared while the service is not answering</source>
        <translation>中心办件库无应答，无法比对</translation>
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
    <message>
        <source>not tried yet</source>
        <translation>尚未尝试</translation>
    </message>
    <message>
        <source>Waits for %1 to sign in at this desk (the desk has no device token)</source>
        <translation>等待 %1 在本机登录后上传（本机没有设备令牌）</translation>
    </message>
</context>
<context>
    <name>DailyCloseDialog</name>
    <message>
        <source>Daily close — %1</source>
        <translation>日结 — %1</translation>
    </message>
    <message>
        <source>Totals of the day</source>
        <translation>当日合计</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>汇总项</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Cash counted in the drawer (yuan)</source>
        <translation>钱箱实点现金（元）</translation>
    </message>
    <message>
        <source>Deposit slip reference (解缴)</source>
        <translation>解缴单号</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>票据</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Cash &amp;counted</source>
        <translation>实点现金(&amp;C)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>长短款</translation>
    </message>
    <message>
        <source>&amp;Deposit slip</source>
        <translation>解缴单(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+Enter: close the day and print the sheet   Esc: back</source>
        <translation>Ctrl+回车 日结并打印日结单&#x3000;Esc 返回</translation>
    </message>
    <message>
        <source>The cash counted is not an amount (yuan, at most two decimals).</source>
        <translation>实点现金不是有效金额（以元为单位，最多两位小数）。</translation>
    </message>
    <message>
        <source>Type the deposit slip&apos;s reference (解缴).</source>
        <translation>请输入解缴单号。</translation>
    </message>
    <message>
        <source>The day is closed. Its payments are frozen.</source>
        <translation>已日结，当日收款已冻结。</translation>
    </message>
    <message>
        <source>The sheet could not be printed: %1</source>
        <translation>日结单未能打印：%1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>All payments</source>
        <translation>全部收款</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>执收单位 %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>事项 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Used (%1): %2
Voided (%3): %4</source>
        <translation>已用（%1）：%2
作废（%3）：%4</translation>
    </message>
    <message>
        <source>This day is closed (日结); nothing of it can change.</source>
        <translation>当日已日结，不能再作任何更改。</translation>
    </message>
    <message>
        <source>Over (长款) ¥%1</source>
        <translation>长款 ¥%1</translation>
    </message>
    <message>
        <source>Short (短款) ¥%1</source>
        <translation>短款 ¥%1</translation>
    </message>
    <message>
        <source>Even (无长短款)</source>
        <translation>无长短款</translation>
    </message>
    <message>
        <source>F7: void a spoilt receipt   F10: daily close (日结)</source>
        <translation>F7 票据作废&#x3000;F10 日结</translation>
    </message>
    <message>
        <source>Today is closed (日结): no more payments can be taken today.</source>
        <translation>今日已日结，不能再收款。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Shift lead dashboard</source>
        <translation>值班长工作台</translation>
    </message>
    <message>
        <source>This account cannot open the shift lead dashboard: it is for shift leads and admins only. Sign in with a lead account, or ask an admin for the lead role.</source>
        <translation>此账号不能打开值班长工作台：仅限值班长和管理员使用。请用值班长账号登录，或请管理员授予值班长角色。</translation>
    </message>
    <message>
        <source>Volume per window</source>
        <translation>各窗口办件量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Status mix</source>
        <translation>办件状态构成</translation>
    </message>
    <message>
        <source>Trend per day</source>
        <translation>每日趋势</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>提前办结率</translation>
    </message>
    <message>
        <source>Avg. working days</source>
        <translation>平均办理工作日</translation>
    </message>
    <message>
        <source>Immediate share</source>
        <translation>即办件占比</translation>
    </message>
    <message>
        <source>Promised share</source>
        <translation>承诺件占比</translation>
    </message>
    <message>
        <source>Refusal reasons</source>
        <translation>不予受理原因</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>The records service does not let this account see these figures. Only shift leads (their own department) and admins may.</source>
        <translation>办件记录服务不允许此账号查看这些数据。只有值班长（本部门）和管理员可以查看。</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Figures as of %1 · %2 s behind the latest</source>
        <translation>数据截至 %1 · 比最新数据晚 %2 秒</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <source>No figures: %1</source>
        <translation>暂无数据：%1</translation>
    </message>
    <message>
        <source>STALE — figures as of %1, not refreshed: %2</source>
        <translation>数据已过时 — 截至 %1，未能刷新：%2</translation>
    </message>
    <message>
        <source>Window clerk</source>
        <translation>窗口人员</translation>
    </message>
    <message>
        <source>Shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Hall screen</source>
        <translation>大厅显示屏</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Shift lead dashboard — Window Clerk</source>
        <translation>值班长工作台 — 窗口受理客户端</translation>
    </message>
    <message>
        <source>&amp;Workload</source>
        <translation>工作量(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Sync supervision</source>
        <translation>同步监控(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Sync supervision</source>
        <translation>同步监控</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Joint approval</source>
        <translation>联合审批</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel (XLSX)…</source>
        <translation>导出 &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Request a &amp;refund…</source>
        <translation>申请退付(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Switch lan&amp;guage (中文 / English)</source>
        <translation>切换语言(&amp;G)（中文 / English）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Cases of the selected &amp;window</source>
        <translation>所选窗口的办件(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Joint approval</source>
        <translation>联合审批(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>排队(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>Date &amp;range</source>
        <translation>日期范围(&amp;R)</translation>
    </message>
    <message>
        <source>Per wi&amp;ndow</source>
        <translation>按窗口(&amp;N)</translation>
    </message>
    <message>
        <source>Per &amp;department</source>
        <translation>按部门(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation>连接详情(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose a window in the table first.</source>
        <translation>请先在表格中选择一个窗口。</translation>
    </message>
    <message>
        <source>Loading the cases of %1…</source>
        <translation>正在加载 %1 的办件…</translation>
    </message>
    <message>
        <source>No such window among yours: shift leads see their own department&apos;s windows.</source>
        <translation>您管辖的窗口中没有这个窗口：值班长只能查看本部门的窗口。</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>No figures to export yet.</source>
        <translation>还没有可导出的数据。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>To follow:</source>
        <translation>后补材料：</translation>
    </message>
    <message>
        <source>&amp;Supply by:</source>
        <translation>补交期限(&amp;S)：</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>缺少材料：</translation>
    </message>
    <message>
        <source>Details for the applicant</source>
        <extracomment>上报: the center above on the records service (code, name; issue 20), if any.</extracomment>
        <translation>向申请人说明的具体情况</translation>
    </message>
    <message>
        <source>Center above: %1 (%2)</source>
        <translation>上级中心：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Detail&amp;s:</source>
        <translation>具体说明(&amp;S)：</translation>
    </message>
    <message>
        <source>Legal &amp;basis:</source>
        <translation>法律依据(&amp;B)：</translation>
    </message>
    <message>
        <source>Authorit&amp;y:</source>
        <translation>上报机关(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Reason for forwarding:</source>
        <translation>上报原因(&amp;R)：</translation>
    </message>
    <message>
        <source>— choose: materials are missing —</source>
        <translation>— 请选择：材料不齐 —</translation>
    </message>
    <message>
        <source>none (nothing is accepted yet)</source>
        <translation>无（尚未受理）</translation>
    </message>
    <message>
        <source>%1 (today, on the spot)</source>
        <translation>%1（当日即办）</translation>
    </message>
    <message>
        <source>%1 (%2 working days from today)</source>
        <translation>%1（自今日起%2个工作日）</translation>
    </message>
    <message>
        <source>Provisional: that year&apos;s holiday schedule is not published yet; the statutory holidays are counted, make-up working days are not known yet.</source>
        <translation>暂定：该年度放假安排尚未公布，已计入法定节假日，调休上班日尚未计入。</translation>
    </message>
    <message>
        <source>No fee for this item.</source>
        <translation>本事项不收费。</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>合计%1</translation>
    </message>
    <message>
        <source>(may be waived)</source>
        <translation>（可减免）</translation>
    </message>
    <message>
        <source>— not charged: the application is not accepted</source>
        <translation>— 不收费：申请未予受理</translation>
    </message>
    <message>
        <source>Done today at the window; the acceptance receipt is printed.</source>
        <translation>当场办结，打印受理通知书。</translation>
    </message>
    <message>
        <source>Accepted; the acceptance receipt states the due date.</source>
        <translation>予以受理，受理通知书载明办结时限。</translation>
    </message>
    <message>
        <source>The applicant signs the promise.
If the materials do not come by then, the case ends without approval.</source>
        <translation>申请人签署承诺书；
逾期未补齐材料的，按不予批准办结。</translation>
    </message>
</context>
<context>
    <name>DepartmentInbox</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>12345 order</source>
        <translation>12345工单</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>Reopened: answer again</source>
        <translation>已重新打开：请再次答复</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <source>Sent back: redo</source>
        <translation>退回重办</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>This was answered already.</source>
        <translation>已经答复过了。</translation>
    </message>
    <message>
        <source>This complaint is closed: it cannot be answered.</source>
        <translation>该投诉已办结，不能再答复。</translation>
    </message>
    <message>
        <source>This is not waiting for the department&apos;s answer.</source>
        <translation>该事项不在等待本部门答复。</translation>
    </message>
    <message>
        <source>This is not your department&apos;s, or is gone.</source>
        <translation>该事项不属于本部门，或已不存在。</translation>
    </message>
    <message>
        <source>Only the department&apos;s lead extends a 12345 order.</source>
        <translation>只有本部门负责人可以申请12345工单延期。</translation>
    </message>
    <message>
        <source>Type the answer (or the reason) first; a new deadline must be later.</source>
        <translation>请先填写答复（或延期理由）；新的期限必须更晚。</translation>
    </message>
    <message>
        <source>The inbox needs the connection to the center.</source>
        <translation>投诉和工单需要连接到中心。</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>中心拒绝了此操作。</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余%1</translation>
    </message>
    <message>
        <source>Complaints and 12345 orders of the department</source>
        <extracomment>A call to the service is running (the list, an answer or an extension).</extracomment>
        <translation>本部门的投诉和12345工单</translation>
    </message>
    <message>
        <source>Complaints and 12345 orders to answer</source>
        <translation>待答复的投诉和12345工单</translation>
    </message>
    <message>
        <source>Answer, or reason for an extension</source>
        <translation>答复内容或延期理由</translation>
    </message>
    <message>
        <source>New &amp;deadline:</source>
        <translation>新期限(&amp;D)：</translation>
    </message>
    <message>
        <source>New deadline of the 12345 order</source>
        <translation>12345工单的新期限</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>请稍候：上一个请求仍在发送。</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电人</translation>
    </message>
    <message>
        <source>Sent back by the hotline to be redone: %1</source>
        <translation>热线退回重办：%1</translation>
    </message>
    <message>
        <source>Complaints and &amp;12345 orders…</source>
        <translation>投诉和12345工单(&amp;1)…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The answer (Ctrl+Return), or the reason for an extension (F4)</source>
        <translation>答复（Ctrl+回车发送），或延期理由（F4）</translation>
    </message>
    <message>
        <source>The answer (Ctrl+Return)</source>
        <translation>答复（Ctrl+回车发送）</translation>
    </message>
    <message>
        <source>Tab answer · Ctrl+Return send the answer · F4 extend (lead) · F5 refresh</source>
        <translation>Tab 填写答复 · Ctrl+回车 发送答复 · F4 申请延期（负责人） · F5 刷新</translation>
    </message>
    <message>
        <source>Tab answer · Ctrl+Return send the answer · F5 refresh</source>
        <translation>Tab 填写答复 · Ctrl+回车 发送答复 · F5 刷新</translation>
    </message>
    <message>
        <source>Nothing is waiting for the department&apos;s answer.</source>
        <translation>没有等待本部门答复的事项。</translation>
    </message>
    <message>
        <source>Extended once already.</source>
        <translation>已延期过一次。</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>已超期%1</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分钟</translation>
    </message>
    <message>
        <source>Complaints/12345: %1 open, %2 overdue</source>
        <translation>投诉/12345：待办%1件，超期%2件</translation>
    </message>
    <message>
        <source>%1 answered.</source>
        <translation>%1已答复。</translation>
    </message>
    <message>
        <source>%1: extension sent to the hotline.</source>
        <translation>%1：延期申请已发送至12345热线。</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Loading the catalog…</source>
        <translation>正在加载事项目录…</translation>
    </message>
    <message>
        <source>The catalog could not be loaded: %1 Press F5 to try again.</source>
        <translation>事项目录加载失败：%1 按 F5 重试。</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>The settings could not be saved (%1). They apply until you quit.</source>
        <translation>设置无法保存（%1），仅在本次运行中有效。</translation>
    </message>
    <message>
        <source>Down, Up</source>
        <translation>方向键 ↓、↑</translation>
    </message>
    <message>
        <source>Move through the found items from the search line</source>
        <translation>在搜索框中上下选择找到的事项</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Choose the item under the cursor</source>
        <translation>打开选中的事项</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab 键、Shift+Tab 键</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>下一个 / 上一个输入项</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+字母</translation>
    </message>
    <message>
        <source>Open a menu or press a button by its underlined letter</source>
        <translation>按带下划线的字母打开菜单或按下按钮</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc 键</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>关闭对话框</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Service center</source>
        <translation>政务服务中心</translation>
    </message>
    <message>
        <source>Records service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>Settings folder</source>
        <translation>设置文件夹</translation>
    </message>
    <message>
        <source>About Window Clerk</source>
        <translation>关于窗口受理客户端</translation>
    </message>
    <message>
        <source>Intake client for the windows of a government service center.</source>
        <translation>政务服务中心窗口受理客户端。</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <translation>窗口受理客户端</translation>
    </message>
    <message>
        <source>Case lookup is not available in this build.</source>
        <translation>此版本不含办件查询。</translation>
    </message>
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <source>Item disclosures</source>
        <translation>事项告知</translation>
    </message>
    <message>
        <source>What is accepted (scope and conditions)</source>
        <extracomment>The package shown (None when an item or nothing is), and its catalog.</extracomment>
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
    <name>DuplicateDialog</name>
    <message>
        <source>Print a duplicate (副本)</source>
        <translation>打印副本</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部文书</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>财政票据</translation>
    </message>
    <message>
        <source>Refund vouchers</source>
        <translation>退付凭证</translation>
    </message>
    <message>
        <source>Daily-close sheets</source>
        <translation>日结单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>种类(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>列出(&amp;L)</translation>
    </message>
    <message>
        <source>Documents kept at this desk</source>
        <translation>本机留存的文书</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Payer / cashier</source>
        <translation>缴款人 / 收款人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>副本次数</translation>
    </message>
    <message>
        <source>&amp;Print duplicate (副本)</source>
        <translation>打印副本(&amp;P)</translation>
    </message>
    <message>
        <source>Enter or Alt+P: print the selected one again, marked 副本</source>
        <translation>Enter 或 Alt+P：再次打印所选文书，标注“副本”</translation>
    </message>
    <message>
        <source>Choose a period that ends after it starts, at most 400 days.</source>
        <translation>请选择起止日期：止日不早于起日，最长 400 天。</translation>
    </message>
    <message>
        <source>Nothing was issued at this desk in these days.</source>
        <translation>本机在这些日期没有开具文书。</translation>
    </message>
    <message>
        <source>%1 document(s).</source>
        <translation>共 %1 份文书。</translation>
    </message>
    <message>
        <source>%1 kept document(s) cannot be read with this desk&apos;s key and are not listed.</source>
        <translation>有 %1 份留存文书无法用本机密钥读取，未列出。</translation>
    </message>
    <message>
        <source>Fiscal receipt</source>
        <translation>财政票据</translation>
    </message>
    <message>
        <source>Refund voucher</source>
        <translation>退付凭证</translation>
    </message>
    <message>
        <source>Daily-close sheet</source>
        <translation>日结单</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>请先选择一份文书。</translation>
    </message>
    <message>
        <source>Printing a duplicate of %1…</source>
        <translation>正在打印 %1 的副本…</translation>
    </message>
    <message>
        <source>Duplicate of %1 made (the print is recorded).</source>
        <translation>已生成 %1 的副本（打印已记录）。</translation>
    </message>
    <message>
        <source>It could not be printed: %1</source>
        <translation>未能打印：%1</translation>
    </message>
    <message>
        <source>This document&apos;s kept copy cannot be read (damaged, or from another desk&apos;s key): no duplicate can be printed here.</source>
        <translation>这份文书的留存数据无法读取（已损坏，或为其他窗口的密钥加密），本机无法打印其副本。</translation>
    </message>
    <message>
        <source>No duplicate was made: %1</source>
        <translation>未生成副本：%1</translation>
    </message>
    <message>
        <source>F8: print a duplicate (副本) of a receipt, voucher or close sheet</source>
        <translation>F8：打印票据、退付凭证或日结单的副本</translation>
    </message>
</context>
<context>
    <name>FeeNoticePanel</name>
    <message>
        <source>Fees (缴款通知书)</source>
        <translation>收费（缴款通知书）</translation>
    </message>
    <message>
        <source>Issue pa&amp;yment notice</source>
        <translation>开具缴款通知书(&amp;Y)</translation>
    </message>
    <message>
        <source>Issue the payment notice of this case&apos;s fees and open its print preview</source>
        <translation>为本件的收费开具缴款通知书并打开打印预览</translation>
    </message>
    <message>
        <source>&amp;Get payment code</source>
        <translation>获取缴款码(&amp;G)</translation>
    </message>
    <message>
        <source>Reason to cancel the notice (作废)</source>
        <translation>作废缴款通知书的原因</translation>
    </message>
    <message>
        <source>Cancel the no&amp;tice</source>
        <translation>作废通知书(&amp;T)</translation>
    </message>
    <message>
        <source>Only before it is paid; the center is told</source>
        <translation>仅限缴款之前；将通知中心</translation>
    </message>
    <message>
        <source>&amp;Waiver (减免)…</source>
        <translation>减免(&amp;W)…</translation>
    </message>
    <message>
        <source>Waive part of the fees for a listed reason</source>
        <translation>按规定的减免事由减免部分费用</translation>
    </message>
    <message>
        <source>&amp;Lead approves…</source>
        <translation>值班长审批(&amp;L)…</translation>
    </message>
    <message>
        <source>A lead of the department signs in here to approve the waiver</source>
        <translation>本部门值班长在此登录审批减免</translation>
    </message>
    <message>
        <source>Reprint the &amp;notice (副本)</source>
        <translation>补打通知书副本(&amp;N)</translation>
    </message>
    <message>
        <source>Print the r&amp;eceipt copy (副本)</source>
        <translation>打印票据副本(&amp;E)</translation>
    </message>
    <message>
        <source>The cashier&apos;s fiscal receipt from its electronic data, kept with the case</source>
        <translation>按电子数据打印收费窗口开具的财政票据，随办件归档</translation>
    </message>
    <message>
        <source>Amount: ¥%1 (in capitals: %2)</source>
        <translation>金额：¥%1（大写：%2）</translation>
    </message>
    <message>
        <source>Fee state: %1</source>
        <translation>收费状态：%1</translation>
    </message>
    <message>
        <source>unpaid (未缴费)</source>
        <translation>未缴费</translation>
    </message>
    <message>
        <source>paid (已缴费)</source>
        <translation>已缴费</translation>
    </message>
    <message>
        <source>waived (已减免)</source>
        <translation>已减免</translation>
    </message>
    <message>
        <source>refunded (已退付)</source>
        <translation>已退付</translation>
    </message>
    <message>
        <source>no payment notice yet</source>
        <translation>尚未开具缴款通知书</translation>
    </message>
    <message>
        <source>Waiver ¥%1 (%2)</source>
        <translation>减免 ¥%1（%2）</translation>
    </message>
    <message>
        <source>: waits for a lead&apos;s approval (above ¥%1); the notice is issued after it.</source>
        <translation>：超过 ¥%1，待值班长审批，审批后方可开具通知书。</translation>
    </message>
    <message>
        <source>: approved by the lead %1.</source>
        <translation>：值班长 %1 已审批。</translation>
    </message>
    <message>
        <source>: goes on the next notice.</source>
        <translation>：将列入下一张通知书。</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>电子票据</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>纸质票据</translation>
    </message>
    <message>
        <source>Fiscal receipt %1 No. %2 (%3), ¥%4, paid %5</source>
        <translation>财政票据 %1 第 %2 号（%3），¥%4，缴费时间 %5</translation>
    </message>
    <message>
        <source>, check code %1</source>
        <translation>，校验码 %1</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退付</translation>
    </message>
    <message>
        <source>payment code not yet assigned</source>
        <translation>缴款码尚未分配</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Payment notice %1 issued: ¥%2 (%3).</source>
        <translation>缴款通知书 %1 已开具：¥%2（%3）。</translation>
    </message>
    <message>
        <source>The waiver waits for a lead&apos;s approval first.</source>
        <translation>减免须先经值班长审批。</translation>
    </message>
    <message>
        <source>This item&apos;s fees cannot be assessed here.</source>
        <translation>本事项的收费无法在此核定。</translation>
    </message>
    <message>
        <source>Give the reason to cancel the notice.</source>
        <translation>请填写作废通知书的原因。</translation>
    </message>
    <message>
        <source>Payment notice %1 cancelled.</source>
        <translation>缴款通知书 %1 已作废。</translation>
    </message>
    <message>
        <source>This notice is paid already; it cannot be cancelled.</source>
        <translation>该通知书已缴款，不能作废。</translation>
    </message>
    <message>
        <source>The center has not assigned a payment code yet.</source>
        <translation>中心尚未分配缴款码。</translation>
    </message>
    <message>
        <source>The waiver waits for a lead&apos;s approval (Alt+L).</source>
        <translation>减免待值班长审批（Alt+L）。</translation>
    </message>
    <message>
        <source>The waiver goes on the notice issued next (Alt+Y).</source>
        <translation>减免将列入下一张开具的通知书（Alt+Y）。</translation>
    </message>
    <message>
        <source>Approved by %1: issue the notice (Alt+Y).</source>
        <translation>%1 已审批：请开具通知书（Alt+Y）。</translation>
    </message>
    <message>
        <source>Reprint of payment notice %1 saved.</source>
        <translation>缴款通知书 %1 副本已保存。</translation>
    </message>
    <message>
        <source>Copy of receipt %1 No. %2 saved with the case.</source>
        <translation>票据 %1 第 %2 号副本已随办件保存。</translation>
    </message>
</context>
<context>
    <name>FinanceScreen</name>
    <message>
        <source>Settlement center finance — %1</source>
        <translation>收费结算中心财务 — %1</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退付审批</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>收费报表</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>银行对账</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>执收单位</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Note on the decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Alt+A: approve and print the voucher   Alt+R: reject   F5: reload</source>
        <translation>Alt+A 批准并打印退付凭证&#x3000;Alt+R 驳回&#x3000;F5 刷新</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按执收单位</translation>
    </message>
    <message>
        <source>By item</source>
        <translation>按事项</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>按缴费方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>History</source>
        <translation>退付记录</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Alt+S: show the report   Ctrl+E: export CSV   Ctrl+Shift+E: export XLSX</source>
        <translation>Alt+S 查询报表&#x3000;Ctrl+E 导出 CSV&#x3000;Ctrl+Shift+E 导出 XLSX</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>银行流水</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>交易参考号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>In the bank&apos;s file, not among the payments:</source>
        <translation>银行文件中有、收款记录中没有的：</translation>
    </message>
    <message>
        <source>Card and QR payments not in the bank&apos;s file:</source>
        <translation>银行文件中没有的刷卡、扫码收款：</translation>
    </message>
    <message>
        <source>Alt+O: choose the bank&apos;s CSV (columns reference, amount, date)</source>
        <translation>Alt+O 选择银行 CSV 文件（列：reference、amount、date）</translation>
    </message>
    <message>
        <source>No refund request is waiting.</source>
        <translation>没有待审批的退付申请。</translation>
    </message>
    <message>
        <source>Choose a refund request first.</source>
        <translation>请先选择一条退付申请。</translation>
    </message>
    <message>
        <source>This request is decided already.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <source>The records service refused the decision.</source>
        <translation>业务服务拒绝了此次审批。</translation>
    </message>
    <message>
        <source>Refund of %1 rejected.</source>
        <translation>%1 的退付申请已驳回。</translation>
    </message>
    <message>
        <source>Refund of ¥%1 for %2 approved; voucher %3.</source>
        <translation>%2 退付 ¥%1 已批准，退付凭证 %3。</translation>
    </message>
    <message>
        <source>The voucher could not be printed: %1</source>
        <translation>退付凭证未能打印：%1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>已退付（元）</translation>
    </message>
    <message>
        <source>Choose a period of at most 400 days, its start before its end.</source>
        <translation>请选择不超过 400 天的期间，起始日期不晚于截止日期。</translation>
    </message>
    <message>
        <source>%1 payment(s), ¥%2, refunded ¥%3.</source>
        <translation>共 %1 笔，¥%2，已退付 ¥%3。</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Fees collected %1 to %2</source>
        <translation>收费汇总 %1 至 %2</translation>
    </message>
    <message>
        <source>Show a report first (Alt+S).</source>
        <translation>请先查询报表（Alt+S）。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>文件未能写入：%1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>The bank&apos;s or POS&apos;s transactions</source>
        <translation>银行或 POS 交易明细</translation>
    </message>
    <message>
        <source>The bank&apos;s file was not read: it needs the columns reference, amount (yuan) and date, and a period of at most 400 days.</source>
        <translation>银行文件未能读取：需要 reference、amount（元）、date 三列，期间不超过 400 天。</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>文件未能读取：%1</translation>
    </message>
    <message>
        <source>%1 matched; %2 line(s) of the bank and %3 payment(s) unmatched.</source>
        <translation>已匹配 %1 笔；银行 %2 行、收款 %3 笔未匹配。</translation>
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
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Enrolment code (optional):</source>
        <translation>注册码（可选）(&amp;E)：</translation>
    </message>
    <message>
        <source>A one-time code from IT (clerk-records enrol): a desk code lets this PC send its cases before anyone signs in; a display code makes this PC a hall screen.</source>
        <translation>信息科提供的一次性注册码（clerk-records enrol）：窗口注册码让本机在无人登录时也能上传办件；显示屏注册码让本机成为大厅显示屏。</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
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
        <source>&amp;Check</source>
        <extracomment>Something that says a message in the UI&apos;s language (called again when it changes).</extracomment>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
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
        <source>No answer at %1. Check the address, the network cable, and that the records service is running.</source>
        <translation>%1 没有应答。请检查地址、网线，以及记录服务是否在运行。</translation>
    </message>
    <message>
        <source>The records service at %1 answered, but its certificate is not trusted. Choose the center&apos;s CA certificate (ask IT for it).</source>
        <translation>%1 的记录服务有应答，但其证书不受信任。请选择中心的 CA 证书（向信息科索取）。</translation>
    </message>
    <message>
        <source>Something answered at %1, but it is not the records service. Check the address.</source>
        <translation>%1 有应答，但不是记录服务。请检查地址。</translation>
    </message>
    <message>
        <source>The records service at %1 asks to wait: try again in a minute.</source>
        <translation>%1 的记录服务要求稍候：请一分钟后再试。</translation>
    </message>
    <message>
        <source>Center %1 has no window %2 at this records service. Check the center and window codes with IT.</source>
        <translation>该记录服务中，中心 %1 没有窗口 %2。请与信息科核对中心编码和窗口编码。</translation>
    </message>
    <message>
        <source>Window %1 is known at center %2.</source>
        <translation>中心 %2 有窗口 %1。</translation>
    </message>
    <message>
        <source>Window %1 is called “%2” at the records service; that name is used.</source>
        <translation>记录服务中窗口 %1 的名称是“%2”，将使用该名称。</translation>
    </message>
    <message>
        <source>The check could not be finished. Show the details to IT.</source>
        <translation>检查未能完成。请把详细信息给信息科看。</translation>
    </message>
    <message>
        <source>Redeeming the enrolment code…</source>
        <translation>正在使用注册码…</translation>
    </message>
    <message>
        <source>This enrolment code is unknown, used or expired. Ask IT for a new one.</source>
        <translation>此注册码不存在、已用过或已过期。请向信息科索取新的注册码。</translation>
    </message>
    <message>
        <source>This window has as many desks as it may. An admin revokes an old desk first, then makes a new code.</source>
        <translation>本窗口的电脑数已达上限。请管理员先吊销一台旧电脑，再生成新的注册码。</translation>
    </message>
    <message>
        <source>Too many tries: wait a minute, then save again.</source>
        <translation>尝试次数过多：请等一分钟后再保存。</translation>
    </message>
    <message>
        <source>This code was made for window %1, not for this window. It is used up: ask IT for a new code for this window.</source>
        <translation>此注册码是为窗口 %1 生成的，不是本窗口的。它已用掉：请向信息科索取本窗口的新注册码。</translation>
    </message>
    <message>
        <source>This code is for a kiosk or another system, not for a window PC. It is used up: ask IT for a desk or display code.</source>
        <translation>此注册码属于自助终端或其他系统，不是窗口电脑的。它已用掉：请向信息科索取窗口或显示屏注册码。</translation>
    </message>
    <message>
        <source>The enrolment code could not be redeemed. Show the details to IT.</source>
        <translation>注册码未能使用。请把详细信息给信息科看。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Record the follow-up</source>
        <translation>登记回访整改</translation>
    </message>
    <message>
        <source>Case %1, score %2: %3</source>
        <translation>办件 %1，评分 %2：%3</translation>
    </message>
    <message>
        <source>What was done, who was called, the outcome</source>
        <translation>采取了什么措施、联系了谁、结果如何</translation>
    </message>
</context>
<context>
    <name>ForwardPage</name>
    <message>
        <source>Goes to:</source>
        <translation>上报至：</translation>
    </message>
    <message>
        <source>The center above takes the case over; its progress shows here after the next sync. Write the reason under Opinion.</source>
        <translation>由上级中心接办；下次同步后在此显示其办理进度。上报理由写在“审批意见”中。</translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <source>Signed in offline: the board needs the center. Sign in again.</source>
        <translation>离线登录无法获取大屏数据，请在网络恢复后重新登录。</translation>
    </message>
    <message>
        <source>New enrolment code</source>
        <translation>新的注册码</translation>
    </message>
    <message>
        <source>Enrolment code for this screen (clerk-records enrol --kind display):</source>
        <translation>本显示屏的注册码（clerk-records enrol --kind display）：</translation>
    </message>
    <message>
        <source>Hall screen — %1</source>
        <translation>大厅显示屏 — %1</translation>
    </message>
    <message>
        <source>Today&apos;s cases</source>
        <translation>今日办件公示</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>No cases yet today</source>
        <translation>今日暂无办件</translation>
    </message>
    <message>
        <source>That code is unknown, used or expired.</source>
        <extracomment>The service refused this PC&apos;s display credential: fetching stopped, IT is told. Title of the hall&apos;s big screen: the public list of today&apos;s cases (办件公示).</extracomment>
        <translation>该登记码无效、已使用或已过期。</translation>
    </message>
    <message>
        <source>That code is not for a screen.</source>
        <translation>该注册码不是显示屏的注册码。</translation>
    </message>
    <message>
        <source>The code could not be used.</source>
        <translation>该注册码未能使用。</translation>
    </message>
    <message>
        <source>%1 · stage: %2</source>
        <translation>%1 · 当前阶段：%2</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>This screen&apos;s credential has been revoked or has expired, so the board cannot be shown.
IT: make a new enrolment code (clerk-records enrol --kind display) and press F2 here to type it in.</source>
        <translation>本显示屏的凭据已被吊销或已过期，无法显示办件公示。
信息科：请生成新的注册码（clerk-records enrol --kind display），在此按 F2 输入。</translation>
    </message>
    <message>
        <source>Received today %1</source>
        <translation>今日受理 %1 件</translation>
    </message>
    <message>
        <source>Completed today %1</source>
        <translation>今日办结 %1 件</translation>
    </message>
    <message>
        <source>Completion rate %1</source>
        <translation>办结率 %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1/%2 页</translation>
    </message>
    <message>
        <source>Connecting to the center…</source>
        <translation>正在连接中心…</translation>
    </message>
    <message>
        <source>The center cannot be reached; no data yet</source>
        <translation>无法连接中心，暂无数据</translation>
    </message>
    <message>
        <source>Sign in again · data as of %1</source>
        <translation>登录已失效，请重新登录 · 显示 %1 的数据</translation>
    </message>
    <message>
        <source>Link down · data as of %1</source>
        <translation>连接中断 · 显示 %1 的数据</translation>
    </message>
    <message>
        <source>Data as of %1 · %2 s behind the latest</source>
        <translation>数据截至 %1 · 比最新数据晚 %2 秒</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
</context>
<context>
    <name>HotlineTab</name>
    <message>
        <source>12345 work orders</source>
        <extracomment>A call to the service is running (the list or a step).</extracomment>
        <translation>12345 工单</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Sign by / answer by</source>
        <translation>签收时限 / 答复时限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>The work order</source>
        <translation>工单内容</translation>
    </message>
    <message>
        <source>Department to answer the order</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>如 GA</translation>
    </message>
    <message>
        <source>Reason to return or extend</source>
        <translation>退单或延期理由</translation>
    </message>
    <message>
        <source>the hotline reads it</source>
        <translation>热线可见</translation>
    </message>
    <message>
        <source>New answer deadline</source>
        <translation>新的答复时限</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM, or a day: its end</source>
        <translation>YYYY-MM-DD HH:MM，或只写日期：当日结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>新时限</translation>
    </message>
    <message>
        <source>Alt+S: sign   Alt+A: assign   Alt+R: return (reason)   Alt+E: extend (reason, new deadline)   F5: reload</source>
        <translation>Alt+S：签收   Alt+A：交办   Alt+R：退单（理由）   Alt+E：延期（理由、新时限）   F5：刷新</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>请稍候：上一个请求仍在发送。</translation>
    </message>
    <message>
        <source>No work order waiting.</source>
        <translation>没有待办工单。</translation>
    </message>
    <message>
        <source>Sign by %1, answer by %2</source>
        <translation>签收时限 %1，答复时限 %2</translation>
    </message>
    <message>
        <source>Sent back by the hotline to be redone: %1</source>
        <translation>热线退回重办：%1</translation>
    </message>
    <message>
        <source>Extended to %1</source>
        <translation>已延期至 %1</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>投诉 %1</translation>
    </message>
    <message>
        <source>Choose a work order first.</source>
        <translation>请先选择工单。</translation>
    </message>
    <message>
        <source>Work order %1 signed for.</source>
        <translation>工单 %1 已签收。</translation>
    </message>
    <message>
        <source>Work order %1 assigned.</source>
        <translation>工单 %1 已交办。</translation>
    </message>
    <message>
        <source>Work order %1 returned to the hotline.</source>
        <translation>工单 %1 已退回热线。</translation>
    </message>
    <message>
        <source>Work order %1 extended.</source>
        <translation>工单 %1 已延期。</translation>
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
        <extracomment>The scanned pages&apos; panel (``gui.scan_panel``; the main window adds it).</extracomment>
        <translation>受理本件（Ctrl+Return）</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>Mark every required material received; optional ones stay for you</source>
        <translation>将全部必需材料标记为已收；非必需材料由您逐项确认</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>请先选择服务事项。</translation>
    </message>
    <message>
        <source>Someone acting for the applicant (Alt+G)</source>
        <translation>受申请人委托代为办理的人（Alt+G）</translation>
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
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>Material: %1</source>
        <extracomment>%1 is the name of a required material that is not marked received.</extracomment>
        <translation>材料：%1</translation>
    </message>
    <message>
        <source>Choose the decision: materials are missing</source>
        <translation>材料不齐，请选择受理决定</translation>
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
        <source>Document &amp;type:</source>
        <translation>证件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>ID n&amp;umber:</source>
        <translation>证件号码(&amp;U)：</translation>
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
        <source>Con&amp;tact person:</source>
        <translation>联系人(&amp;T)：</translation>
    </message>
    <message>
        <source>Mar&amp;k all received</source>
        <translation>全部已收(&amp;K)</translation>
    </message>
    <message>
        <source>F&amp;ee:</source>
        <translation>收费(&amp;E)：</translation>
    </message>
    <message>
        <source>Contact &amp;mobile:</source>
        <translation>联系电话(&amp;M)：</translation>
    </message>
    <message>
        <source>A&amp;gent (acting for the applicant)</source>
        <translation>代办人(&amp;G)（受申请人委托）</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>收取材料</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>受理决定(&amp;D)：</translation>
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
    <name>IntakeTexts</name>
    <message>
        <source>Done on the spot (即办)</source>
        <translation>即办</translation>
    </message>
    <message>
        <source>Accepted, promised time limit (承诺)</source>
        <translation>承诺受理</translation>
    </message>
    <message>
        <source>Accepted, materials to follow (容缺)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <source>One-time notice of missing materials (补正)</source>
        <translation>补正材料（一次性告知）</translation>
    </message>
    <message>
        <source>Not accepted (不予受理)</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Forwarded to a higher authority (上报)</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>On-the-spot case</source>
        <translation>即办件</translation>
    </message>
    <message>
        <source>Promised case</source>
        <translation>承诺件</translation>
    </message>
    <message>
        <source>Promised case, materials to follow</source>
        <translation>承诺件（容缺后补）</translation>
    </message>
    <message>
        <source>Not accepted yet: materials to be completed</source>
        <translation>暂不受理：待补正材料</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Forwarded case</source>
        <translation>上报件</translation>
    </message>
    <message>
        <source>acceptance receipt</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>notice of materials to follow</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>one-time notice of missing materials</source>
        <translation>补正材料通知书（一次性告知）</translation>
    </message>
    <message>
        <source>refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>forwarding notice</source>
        <translation>上报告知书</translation>
    </message>
    <message>
        <source>commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Hong Kong/Macau travel permit</source>
        <translation>港澳通行证</translation>
    </message>
    <message>
        <source>Taiwan residents&apos; travel permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <source>to follow later</source>
        <translation>容缺后补</translation>
    </message>
    <message>
        <source>by commitment</source>
        <extracomment>告知承诺: the applicant replaced this certificate by a written commitment.</extracomment>
        <translation>申请人选择告知承诺</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>未缴</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已缴</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Not within this agency&apos;s authority</source>
        <translation>不属于本机关职权范围</translation>
    </message>
    <message>
        <source>Needs no licence by law</source>
        <translation>依法不需要取得行政许可</translation>
    </message>
    <message>
        <source>Applicant not eligible / legal conditions not met</source>
        <translation>申请人不具备申请资格或不符合法定条件</translation>
    </message>
    <message>
        <source>Facts concealed or false materials</source>
        <translation>隐瞒有关情况或提供虚假材料</translation>
    </message>
    <message>
        <source>Other reason (write it below)</source>
        <translation>其他理由（在下方填写）</translation>
    </message>
    <message>
        <source>A passport number has 5 to 17 letters or digits.</source>
        <translation>护照号码应为5至17位字母或数字。</translation>
    </message>
    <message>
        <source>A Hong Kong/Macau travel permit number is a letter followed by 8 to 10 letters or digits.</source>
        <translation>港澳通行证号码应为1位字母加8至10位字母或数字。</translation>
    </message>
    <message>
        <source>A Taiwan residents&apos; travel permit number has 8 or 10 digits.</source>
        <translation>台湾居民来往大陆通行证号码应为8位或10位数字。</translation>
    </message>
    <message>
        <source>A foreigner&apos;s permanent residence ID has 15 characters (old card) or 18 starting with 9 (new card).</source>
        <translation>外国人永久居留身份证号码应为15位（旧证）或以9开头的18位（新证）。</translation>
    </message>
    <message>
        <source>The check digit of this permanent residence ID does not match: check it against the card.</source>
        <translation>外国人永久居留身份证号码校验码不符，请核对证件原件。</translation>
    </message>
    <message>
        <source>Say by when the materials to follow must come.</source>
        <translation>请填写后补材料的补交期限。</translation>
    </message>
    <message>
        <source>The day for the materials to follow ({date}) is past.</source>
        <translation>后补材料的补交期限（{date}）已过。</translation>
    </message>
    <message>
        <source>The materials to follow must come by the due date {due_date}, not {date}.</source>
        <translation>后补材料须在办结期限{due_date}前补齐，不能晚至{date}。</translation>
    </message>
    <message>
        <source>Nothing is missing: mark the missing materials, or choose another decision.</source>
        <translation>没有缺少的材料：请标记缺少的材料，或选择其他决定。</translation>
    </message>
    <message>
        <source>Give the reason for not accepting.</source>
        <translation>请填写不予受理的理由。</translation>
    </message>
    <message>
        <source>Give the legal basis for not accepting.</source>
        <translation>请填写不予受理的法律依据。</translation>
    </message>
    <message>
        <source>Name the authority the case is forwarded to.</source>
        <translation>请填写上报机关。</translation>
    </message>
    <message>
        <source>Say why the case is forwarded.</source>
        <translation>请填写上报原因。</translation>
    </message>
    <message>
        <source>A case is forwarded only with all required materials in hand.</source>
        <translation>必需材料齐全后方可上报。</translation>
    </message>
    <message>
        <source>Required material {code} ({name}) has not been received.</source>
        <translation>必需材料{code}（{name}）尚未收取。</translation>
    </message>
    <message>
        <source>Material {code} ({name}) cannot follow later.</source>
        <translation>材料{code}（{name}）不适用容缺后补。</translation>
    </message>
    <message>
        <source>Materials marked to follow later need the decision &apos;materials to follow&apos;.</source>
        <translation>有容缺后补的材料时，应选择“容缺受理”。</translation>
    </message>
    <message>
        <source>The decision &apos;materials to follow&apos; needs a material marked to follow later.</source>
        <translation>“容缺受理”须至少标记一项容缺后补的材料。</translation>
    </message>
    <message>
        <source>The fee for this item cannot be waived.</source>
        <translation>本事项费用不可减免。</translation>
    </message>
    <message>
        <source>A phone number is needed to reach the applicant.</source>
        <translation>请填写联系电话。</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>姓名或名称不能为空。</translation>
    </message>
    <message>
        <source>This item does not serve applicants of this kind.</source>
        <translation>本事项不受理此类申请人。</translation>
    </message>
    <message>
        <source>This item is not done on the spot (its time limit is {days} working days).</source>
        <translation>本事项不是即办件（承诺时限{days}个工作日）。</translation>
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
    <name>JointAcceptedDialog</name>
    <message>
        <source>Joint application accepted</source>
        <translation>联合受理完成</translation>
    </message>
    <message numerus="yes">
        <source>The joint application is saved on this computer with %n part(s); it goes to the center as a whole when the link is up.</source>
        <translation>
            <numerusform>联合申请已保存在本机，共 %n 个分项；联网后整体上传中心。</numerusform>
        </translation>
    </message>
    <message>
        <source>Joint number:</source>
        <translation>联办编号：</translation>
    </message>
    <message>
        <source>The joint case&apos;s parts</source>
        <translation>联办事项各部分</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>查询码：</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>承诺办结日期</translation>
    </message>
    <message>
        <source>&amp;Print the joint receipt (联合受理通知书)</source>
        <translation>打印联合受理通知书(&amp;P)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>received, decided when the stage opens</source>
        <translation>已收件，本阶段开启后办理</translation>
    </message>
    <message>
        <source>Making the joint receipt…</source>
        <translation>正在生成联合受理通知书…</translation>
    </message>
    <message>
        <source>Printing the joint receipt is not available in this version; the parts are saved and their numbers are above.</source>
        <translation>本版本暂不能打印联合受理通知书；各分项已保存，编号见上。</translation>
    </message>
    <message>
        <source>The joint receipt could not be made; the parts are saved. Try again from the case&apos;s documents, or ask IT (the log says why).</source>
        <translation>联合受理通知书未能生成；各分项已保存。请在办件的文书中重试，或联系技术人员（日志中有原因）。</translation>
    </message>
    <message>
        <source>The joint receipt is ready (Alt+P prints it).</source>
        <translation>联合受理通知书已生成（Alt+P 打印）。</translation>
    </message>
</context>
<context>
    <name>JointConsolidateDialog</name>
    <message>
        <source>Consolidate supplements of joint cases</source>
        <translation>联合办件补正汇总</translation>
    </message>
    <message>
        <source>Departments file what their parts still need. When a stage&apos;s review window has closed, or every department has filed, issue ONE notice for the stage: every open part of it then waits for the applicant, and resumes together when the papers are brought.</source>
        <translation>各部门报送本部门事项仍需补正的材料。阶段审查期届满或各部门均已报送后，为该阶段出具一份一次性告知书：该阶段所有在办事项同时等待申请人补正，材料补齐后一并恢复办理。</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>联合办件</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Issue consolidated notice</source>
        <translation>出具一次性告知书(&amp;I)</translation>
    </message>
    <message>
        <source>Papers &amp;received</source>
        <translation>补正材料已收到(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print notice</source>
        <translation>打印告知书(&amp;P)</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>打印告知书</translation>
    </message>
    <message>
        <source>Waiting for the applicant (notice %1)</source>
        <translation>等待申请人补正（告知书 %1）</translation>
    </message>
    <message>
        <source>Ready: issue the notice</source>
        <translation>可出具告知书</translation>
    </message>
    <message>
        <source>Nothing filed</source>
        <translation>尚无报送</translation>
    </message>
    <message>
        <source>Waiting for every department to file</source>
        <translation>等待各部门报送</translation>
    </message>
    <message>
        <source>Review open until %1</source>
        <translation>审查期至 %1</translation>
    </message>
    <message>
        <source>No joint case taken in here has a stage open.</source>
        <translation>本窗口受理的联合办件均无在办阶段。</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>未报送：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message numerus="yes">
        <source>Notice %1 issued; %n part(s) wait for the applicant.</source>
        <translation>
            <numerusform>已出具告知书 %1；%n 个事项等待申请人补正。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Papers received: %n part(s) resume.</source>
        <translation>
            <numerusform>补正材料已收到：%n 个事项恢复办理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JointDocumentsBox</name>
    <message>
        <source>&amp;Documents of this joint case issued at this desk</source>
        <translation>本窗口出具的联办文书(&amp;D)</translation>
    </message>
    <message>
        <source>No document of this joint case was issued at this desk.</source>
        <translation>本窗口尚未出具该联办件的文书。</translation>
    </message>
</context>
<context>
    <name>JointIntakeDialog</name>
    <message>
        <source>DEMO</source>
        <extracomment>Takes the checked draft in instead of the desk&apos;s own transaction (a package&apos;s pre-submission: ``gui.presubmissions``); it ends with ``_taken`` or ``_failed``.</extracomment>
        <translation>示例</translation>
    </message>
    <message>
        <source>Joint intake — %1</source>
        <translation>联合受理 — %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project &amp;type:</source>
        <translation>项目类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Project &amp;code (项目代码):</source>
        <translation>项目代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Materials handed in once (一套材料)</source>
        <translation>一次提交的材料（一套材料）</translation>
    </message>
    <message>
        <source>&amp;Materials — Space: received / missing · O: original / copy · + / −: copies</source>
        <translation>材料(&amp;M) — 空格：已收 / 未收 · O：原件 / 复印件 · + / −：份数</translation>
    </message>
    <message>
        <source>Mark all &amp;required received</source>
        <translation>必要材料全部已收(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>Take the whole application in (Ctrl+Return)</source>
        <translation>整体受理本申请 (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The project code has the form 2026-130502-48-01-000123 (year, division, industry, kind, serial).</source>
        <translation>项目代码格式为 2026-130502-48-01-000123（年份-区划-行业-类型-流水号）。</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Choose the project type.</source>
        <translation>请选择项目类型。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚需：%1</translation>
    </message>
    <message>
        <source>Joint intake</source>
        <translation>联合受理</translation>
    </message>
    <message>
        <source>Close the joint intake? What you entered is not kept.</source>
        <translation>关闭联合受理？已填写的内容不会保留。</translation>
    </message>
    <message>
        <source>&amp;Close it</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>继续填写(&amp;G)</translation>
    </message>
</context>
<context>
    <name>JointIntakeForm</name>
    <message>
        <source>Joint intake</source>
        <translation>联合受理</translation>
    </message>
</context>
<context>
    <name>JointParking</name>
    <message>
        <source>An online pre-submission is not parked: it stays in the online list (Ctrl+Shift+O) until it is taken in.</source>
        <translation>网上预审件不能暂存：接件前它一直留在网上待接件列表（Ctrl+Shift+O）中。</translation>
    </message>
    <message>
        <source>Nothing to park yet.</source>
        <translation>尚未填写任何内容，无需暂存。</translation>
    </message>
    <message>
        <source>Joint intake parked. Resume it with Ctrl+R.</source>
        <translation>联合受理已暂存。按 Ctrl+R 继续办理。</translation>
    </message>
    <message>
        <source>The package of this parked intake is not in the catalog any more.</source>
        <translation>该暂存受理的一件事（项目）已不在事项目录中。</translation>
    </message>
    <message>
        <source>Parked joint intake resumed.</source>
        <translation>已恢复暂存的联合受理。</translation>
    </message>
</context>
<context>
    <name>JointParty</name>
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
        <source>Organization name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Legal representative:</source>
        <translation>法定代表人：</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Checked against the business licence</source>
        <translation>已与营业执照核对</translation>
    </message>
    <message>
        <source>A&amp;gent (代办人)</source>
        <translation>代办人(&amp;G)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代办人</translation>
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
        <translation>请与营业执照核对统一社会信用代码</translation>
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
</context>
<context>
    <name>JointProgressView</name>
    <message>
        <source>Package:</source>
        <translation>一件事 / 项目：</translation>
    </message>
    <message>
        <source>Current stage:</source>
        <translation>当前阶段：</translation>
    </message>
    <message>
        <source>S&amp;tages:</source>
        <translation>各阶段(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Parts (item, department, progress):</source>
        <translation>各分项（事项、部门、进度）(&amp;P)：</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>各阶段</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>各分项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Not open yet</source>
        <translation>未开启</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Waiting for the applicant</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>All stages complete</source>
        <translation>各阶段均已完成</translation>
    </message>
</context>
<context>
    <name>JointTab</name>
    <message>
        <source>Received fro&amp;m:</source>
        <translation>受理日期 从(&amp;M)：</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>刷新数据 (F5)</translation>
    </message>
    <message>
        <source>Stages and departments</source>
        <translation>各阶段、各部门办理情况</translation>
    </message>
    <message>
        <source>Approval time per project (working days)</source>
        <translation>各项目审批用时（工作日）</translation>
    </message>
    <message>
        <source>From intake to the end of the last stage (today while it runs), less the days waiting on the applicant&apos;s supplements, intermediary services, technical reviews, public notice and special procedures.</source>
        <translation>自受理至最后一个阶段办结（未办结的计至今日），扣除申请人补正材料、中介服务、技术审查、公示和特别程序的时间。</translation>
    </message>
    <message>
        <source>%1 joint cases received in the period</source>
        <translation>期间受理联合审批件 %1 件</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>事项数</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>按时办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Avg. working days</source>
        <translation>平均用时（工作日）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>▲ slowest in this stage</source>
        <translation>▲ 本阶段最慢</translation>
    </message>
    <message>
        <source>Whole stage</source>
        <translation>整个阶段</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>联办件编号</translation>
    </message>
    <message>
        <source>Package / project</source>
        <translation>一件事 / 项目</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>总工作日</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>扣除</translation>
    </message>
    <message>
        <source>Approval time</source>
        <translation>审批用时</translation>
    </message>
    <message>
        <source>running</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>all stages done</source>
        <translation>全部阶段办结</translation>
    </message>
</context>
<context>
    <name>JointTexts</name>
    <message>
        <source>Project</source>
        <extracomment>Mark of a staged construction project (工程建设项目) in the catalog list.</extracomment>
        <translation>项目</translation>
    </message>
    <message>
        <source>One thing</source>
        <extracomment>Mark of a 一件事 package (several items, one application) in the catalog list.</extracomment>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Government-invested (政府投资)</source>
        <translation>政府投资</translation>
    </message>
    <message>
        <source>Socially invested (社会投资)</source>
        <translation>社会投资</translation>
    </message>
    <message>
        <source>Small, low-risk (小型低风险)</source>
        <translation>小型低风险</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>%1 · Take a ticket</source>
        <translation>%1 · 取号</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>ID card (optional):</source>
        <translation>身份证（可不刷）：</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Clear ID</source>
        <translation>清除身份证</translation>
    </message>
    <message>
        <source>Appointment code:</source>
        <translation>预约号：</translation>
    </message>
    <message>
        <source>e.g. YY2K7M4Q9P</source>
        <translation>例如 YY2K7M4Q9P</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>预约号</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <source>Check in with ID</source>
        <translation>刷身份证签到</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>补打凭条</translation>
    </message>
    <message>
        <source>Large text on.</source>
        <translation>已打开大字模式。</translation>
    </message>
    <message>
        <source>Large text off.</source>
        <translation>已关闭大字模式。</translation>
    </message>
    <message>
        <source>High contrast on.</source>
        <translation>已打开高对比度。</translation>
    </message>
    <message>
        <source>High contrast off.</source>
        <translation>已关闭高对比度。</translation>
    </message>
    <message>
        <source>Welcome. Choose your business to take a ticket. With an appointment, type its code or place your ID card on the reader.</source>
        <translation>欢迎！请选择要办理的业务取号。已预约的请输入预约号或刷身份证签到。</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>按键 %1</translation>
    </message>
    <message>
        <source>No business can be chosen now. Please ask at the desk.</source>
        <translation>暂时没有可选的业务，请到服务台咨询。</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>等候 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting: to be confirmed</source>
        <translation>等候人数待定</translation>
    </message>
    <message>
        <source>The center cannot be reached now. Tickets are still printed; how many people are ahead of you will be known later (人数待定).</source>
        <translation>暂时无法连接中心：照常取号，前面等候人数待联网后确定（人数待定）。</translation>
    </message>
    <message>
        <source>The ID card could not be read. Please place it on the reader again.</source>
        <translation>未能读取身份证，请重新放在读卡区。</translation>
    </message>
    <message>
        <source>ID card read: %1, age %2. Priority for the elderly.</source>
        <translation>已读取身份证：%1，%2 岁。老年人优先。</translation>
    </message>
    <message>
        <source>ID card read. You will be served with priority. Choose your business, or check in your appointment.</source>
        <translation>已读取身份证，您将优先办理。请选择业务，或进行预约签到。</translation>
    </message>
    <message>
        <source>ID card read: %1, age %2.</source>
        <translation>已读取身份证：%1，%2 岁。</translation>
    </message>
    <message>
        <source>ID card read. Choose your business, or check in your appointment.</source>
        <translation>已读取身份证。请选择业务，或进行预约签到。</translation>
    </message>
    <message>
        <source>ID card cleared.</source>
        <translation>已清除身份证信息。</translation>
    </message>
    <message>
        <source>Printing your ticket for %1, please wait.</source>
        <translation>正在打印%1的排队凭条，请稍候。</translation>
    </message>
    <message>
        <source>Type your appointment code first.</source>
        <translation>请先输入预约号。</translation>
    </message>
    <message>
        <source>Place your ID card on the reader first.</source>
        <translation>请先将身份证放在读卡区。</translation>
    </message>
    <message>
        <source>Checking in your appointment, please wait.</source>
        <translation>正在预约签到，请稍候。</translation>
    </message>
    <message>
        <source>Your number %1</source>
        <translation>您的号码 %1</translation>
    </message>
    <message>
        <source>The printer is out of paper. Your number %1 is kept: please ask a member of staff, who will reprint it.</source>
        <translation>打印机缺纸。您的号码 %1 已保留，请联系工作人员补打凭条。</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Your number %1 is kept: please ask a member of staff, who will reprint it.</source>
        <translation>凭条未能打印。您的号码 %1 已保留，请联系工作人员补打凭条。</translation>
    </message>
    <message>
        <source>How many people are ahead of you will be known later.</source>
        <translation>前面等候人数待定。</translation>
    </message>
    <message>
        <source>Nobody is waiting ahead of you.</source>
        <translation>前面没有人等候。</translation>
    </message>
    <message numerus="yes">
        <source>%n people are waiting ahead of you.</source>
        <translation>
            <numerusform>前面还有 %n 人等候。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your number is %1 (%2). %3 Please take your ticket.</source>
        <translation>您的号码是 %1（%2）。%3请取走凭条。</translation>
    </message>
    <message>
        <source>Your number is %1. %2 Please take your ticket.</source>
        <translation>您的号码是 %1。%2请取走凭条。</translation>
    </message>
    <message>
        <source>Reprint ticket (%1)</source>
        <translation>补打凭条（%1）</translation>
    </message>
    <message>
        <source>This kiosk&apos;s credential was revoked or has expired: tickets cannot be issued. Staff: press F2 and type a new enrolment code.</source>
        <translation>本取号机的凭证已被吊销或已过期，暂不能取号。工作人员：请按 F2 输入新的注册码。</translation>
    </message>
    <message numerus="yes">
        <source>This ID card has already taken today&apos;s tickets for this business (%n per day). No more tickets can be taken with it today.</source>
        <translation>
            <numerusform>此身份证今天已取满该业务的号（每天 %n 张），今天不能再取。</numerusform>
        </translation>
    </message>
    <message>
        <source>The center cannot be reached and this kiosk has printed all the tickets it may print offline today. Please ask at the desk.</source>
        <translation>暂时无法连接中心，本机今天可离线打印的号码已用完。请到服务台咨询。</translation>
    </message>
    <message>
        <source>The center cannot be reached and this kiosk prints no tickets without it. Please ask at the desk.</source>
        <translation>暂时无法连接中心，本机不能离线出号。请到服务台咨询。</translation>
    </message>
    <message>
        <source>This appointment is already checked in.</source>
        <translation>该预约已签到。</translation>
    </message>
    <message>
        <source>The time of this appointment is over. Please take an ordinary ticket.</source>
        <translation>该预约时段已过，请取普通号。</translation>
    </message>
    <message>
        <source>This appointment is for another day.</source>
        <translation>该预约不是今天的。</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>该预约已取消。</translation>
    </message>
    <message>
        <source>This ID card has taken all its tickets for today.</source>
        <translation>此身份证今天的取号次数已用完。</translation>
    </message>
    <message>
        <source>Appointments cannot be checked in while the center cannot be reached. Please take an ordinary ticket.</source>
        <translation>暂时无法连接中心，不能预约签到。请取普通号。</translation>
    </message>
    <message>
        <source>No appointment for today was found. Please check the code.</source>
        <translation>没有找到今天的预约，请核对预约号。</translation>
    </message>
    <message>
        <source>This business cannot be chosen now. Please choose again.</source>
        <translation>该业务暂不能选择，请重新选择。</translation>
    </message>
    <message>
        <source>The ticket could not be issued. Please try again or ask at the desk.</source>
        <translation>未能出号，请重试或到服务台咨询。</translation>
    </message>
    <message>
        <source>The kiosk is enrolled again.</source>
        <translation>取号机已重新注册。</translation>
    </message>
    <message>
        <source>Enrolment code for this kiosk (clerk-records enrol --kind kiosk):</source>
        <translation>本取号机的注册码（clerk-records enrol --kind kiosk）：</translation>
    </message>
    <message>
        <source>Enrol this kiosk</source>
        <translation>注册取号机</translation>
    </message>
    <message>
        <source>This is not a kiosk&apos;s enrolment code.</source>
        <translation>这不是取号机的注册码。</translation>
    </message>
    <message>
        <source>The code is unknown, used or expired. Ask for a new one.</source>
        <translation>注册码无效、已使用或已过期，请重新申请。</translation>
    </message>
    <message>
        <source>The center cannot be reached. Check the network and try again.</source>
        <translation>无法连接中心，请检查网络后重试。</translation>
    </message>
</context>
<context>
    <name>LaterStages</name>
    <message>
        <source>Later stages: received, decided when the stage opens</source>
        <translation>后续阶段：已收件，阶段开启后办理</translation>
    </message>
</context>
<context>
    <name>LeadApprovalDialog</name>
    <message>
        <source>A lead approves the waiver</source>
        <translation>值班长审批减免</translation>
    </message>
    <message>
        <source>Lead&apos;s &amp;user name:</source>
        <translation>值班长用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Lead&apos;s &amp;password:</source>
        <translation>值班长密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Waiver of ¥%1 (%2): a lead of the department signs in here to approve it.</source>
        <translation>减免 ¥%1（%2）：请本部门值班长在此登录审批。</translation>
    </message>
    <message>
        <source>The lead types their user name and password.</source>
        <translation>请值班长输入用户名和密码。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>This account is not a lead&apos;s: a lead approves waivers.</source>
        <translation>该账号不是值班长：减免须由值班长审批。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — Window Clerk</source>
        <translation>已锁定 — 窗口受理</translation>
    </message>
    <message>
        <source>This desk is locked</source>
        <translation>本窗口已锁定</translation>
    </message>
    <message>
        <source>%1 was away. Enter the password to go on where you left off.</source>
        <translation>%1已离开。请输入密码，从离开处继续办理。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>The disk is full: the logs were not exported. Free some space or choose another place (for example a USB stick).</source>
        <translation>磁盘已满：日志未导出。请清理磁盘空间，或选择其他位置（例如 U 盘）。</translation>
    </message>
    <message>
        <source>This folder cannot be written to (read-only or no permission): the logs were not exported. Choose another place.</source>
        <translation>此文件夹无法写入（只读或无权限）：日志未导出。请选择其他位置。</translation>
    </message>
    <message>
        <source>The logs were not exported: %1</source>
        <translation>日志未导出：%1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>模块(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Contains:</source>
        <translation>包含(&amp;C)：</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>日志内容</translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation>全部（含调试）</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部模块</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the log files again (F5)</source>
        <translation>重新读取日志文件（F5）</translation>
    </message>
    <message>
        <source>&amp;Export logs…</source>
        <translation>导出日志(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the log files and the self-check report as a zip for IT</source>
        <translation>将日志文件和自检报告保存为 zip 压缩包，交给信息技术人员</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>显示 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the logs…</source>
        <translation>正在导出日志…</translation>
    </message>
    <message>
        <source>Saved to %1 — send this file to IT.</source>
        <translation>已保存到 %1——请将此文件发给信息技术人员。</translation>
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
        <source>Offline sign-in is locked for this user after 5 wrong passwords. Sign in while the service is reachable to open it again.</source>
        <translation>此用户离线登录已连续 5 次密码错误，离线登录已锁定。请在能连接记录服务时登录一次以解除。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is earlier than the time the records service last gave it, so an offline sign-in is refused. Ask IT support to set the clock right.</source>
        <translation>本机时间早于记录服务上次告知的时间，因此拒绝离线登录。请联系信息科校准时间。</translation>
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
        <source>%1 more wrong password(s) lock offline sign-in.</source>
        <translation>再输错 %1 次密码，离线登录将被锁定。</translation>
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
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Records service:</source>
        <translation>记录服务：</translation>
    </message>
    <message>
        <source>Your password was not changed, so you are not signed in. Sign in again and choose a new password to continue.</source>
        <translation>密码没有修改，所以您尚未登录。请重新登录并设置新密码后再继续。</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Look up a case</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <source>&amp;Case no.:</source>
        <translation>办件编号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Query code:</source>
        <translation>查询码(&amp;Q)：</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>Check the progress as the applicant would (Enter)</source>
        <translation>按申请人的方式查询办理进度（Enter）</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>受理时间：</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>承诺办结日：</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>办结时间：</translation>
    </message>
    <message>
        <source>Enter the case number.</source>
        <translation>请输入办件编号。</translation>
    </message>
    <message>
        <source>The query code is 6 digits.</source>
        <translation>查询码为 6 位数字。</translation>
    </message>
    <message>
        <source>Asking the center…</source>
        <translation>正在向中心查询…</translation>
    </message>
    <message>
        <source>As the center records it:</source>
        <translation>中心记录如下：</translation>
    </message>
    <message>
        <source>As the center records it (data as of %1, %2 s behind the latest):</source>
        <translation>中心记录如下（数据截至 %1，比最新数据晚 %2 秒）：</translation>
    </message>
    <message>
        <source>As the center records it (data as of %1):</source>
        <translation>中心记录如下（数据截至 %1）：</translation>
    </message>
    <message>
        <source>No case with this number and query code.</source>
        <translation>没有与此编号和查询码相符的办件。</translation>
    </message>
    <message>
        <source>Too many lookups in a short time; wait a moment.</source>
        <translation>短时间内查询次数过多，请稍候再试。</translation>
    </message>
    <message>
        <source>The center cannot be reached (offline), and this desk has no such case.</source>
        <translation>无法连接中心（离线），本机也没有此办件。</translation>
    </message>
    <message>
        <source>The center cannot be reached (offline). This desk&apos;s own record of the case (it may not show what others did since):</source>
        <translation>无法连接中心（离线）。以下为本机的办件记录（可能不含此后他人的办理情况）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Window Clerk — %1, window %2</source>
        <extracomment>The dialog opened last from a menu (settings, log view, shortcuts, about ...). Set by gui.presubmissions: for a pre-submission&apos;s take-in, the service call to run on a worker before the writer&apos;s short job (None: the usual take-in).</extracomment>
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
        <source>Show the connection to the records service (F8)</source>
        <translation>查看与中心办件库的连接（F8）</translation>
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
        <source>Intake form</source>
        <translation>受理表单</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Catalog, disclosures and the intake form (Ctrl+1)</source>
        <translation>事项目录、六公开和受理表单（Ctrl+1）</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>办件(&amp;W)</translation>
    </message>
    <message>
        <source>This window&apos;s cases (Ctrl+2)</source>
        <translation>本窗口的办件（Ctrl+2）</translation>
    </message>
    <message>
        <source>The worklist is not available in this build.</source>
        <translation>此版本不含办件列表。</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export logs…</source>
        <translation>导出日志(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>锁定窗口(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Look up a case…</source>
        <translation>办件查询(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Reload catalog</source>
        <translation>重新加载事项目录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation>连接详情(&amp;C)…</translation>
    </message>
    <message>
        <source>Switch lan&amp;guage (中文 / English)</source>
        <extracomment>Switches the interface between 简体中文 and English, live.</extracomment>
        <translation>切换语言(&amp;G)（中文 / English）</translation>
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
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Log…</source>
        <translation>日志(&amp;L)…</translation>
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
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <source>Scans of the materials</source>
        <translation>材料扫描件</translation>
    </message>
    <message>
        <source>Scanned pages (Alt+B):</source>
        <translation>扫描页（Alt+B）：</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>扫描页</translation>
    </message>
    <message>
        <source>Show the page (Enter)</source>
        <translation>查看此页（Enter）</translation>
    </message>
    <message>
        <source>&amp;Unreadable: ask for it again (补正)</source>
        <translation>无法辨认，要求补正(&amp;U)</translation>
    </message>
    <message>
        <source>Ticks the page&apos;s material on the 补正 checklist; the notice names the page</source>
        <translation>在补正清单中勾选此页所属材料，告知书写明页码</translation>
    </message>
    <message>
        <source>No page of this case was scanned on this desk.</source>
        <translation>本窗口未扫描此案件的材料。</translation>
    </message>
    <message>
        <source>Asking the center for the case&apos;s files…</source>
        <translation>正在向中心查询此案件的材料文件…</translation>
    </message>
    <message>
        <source>The center&apos;s files: Enter fetches a page (each view is recorded there).</source>
        <translation>中心保存的文件：按 Enter 调取此页（每次查看均在中心留痕）。</translation>
    </message>
    <message>
        <source>The center holds no file of this case.</source>
        <translation>中心没有此案件的材料文件。</translation>
    </message>
    <message>
        <source>The center&apos;s files cannot be listed now: %1</source>
        <translation>暂时无法查询中心的材料文件：%1</translation>
    </message>
    <message>
        <source>at the center</source>
        <translation>已送达中心</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>%1 · page %2</source>
        <translation>%1 · 第%2页</translation>
    </message>
    <message>
        <source>shared, with %1</source>
        <translation>共用材料，存于 %1</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>Fetching the page from the center…</source>
        <translation>正在从中心调取此页…</translation>
    </message>
    <message>
        <source>The page cannot be fetched: %1</source>
        <translation>无法调取此页：%1</translation>
    </message>
    <message>
        <source>page %1 of the scan is unreadable</source>
        <translation>扫描件第%1页无法辨认</translation>
    </message>
    <message>
        <source>Signed in offline: the uploaded files are at the center.</source>
        <translation>离线登录：网上上传的文件在中心，暂时无法查看。</translation>
    </message>
    <message>
        <source>Files uploaded for %1</source>
        <translation>%1 的网上上传文件</translation>
    </message>
    <message>
        <source>F6 the uploaded files</source>
        <translation>F6 查看上传文件</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <source>Material</source>
        <extracomment>告知承诺: the catalog lets the applicant replace this certificate by a commitment.</extracomment>
        <translation>材料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>是否必需</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Space: received / missing · L: to follow later · C: by the applicant&apos;s commitment · O: original / copy · + / −: copies</source>
        <translation>空格：已收／未收 · L：容缺后补 · C：申请人选择告知承诺 · O：原件／复印件 · + / −：份数</translation>
    </message>
    <message>
        <source>May follow later (容缺)</source>
        <translation>可容缺后补</translation>
    </message>
    <message>
        <source>The applicant may replace it by a written commitment (告知承诺): C</source>
        <translation>申请人可选择以告知承诺替代（按 C）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>非必需</translation>
    </message>
    <message>
        <source>original</source>
        <extracomment>A material handed in as the original document (原件) or a photocopy (复印件).</extracomment>
        <translation>原件</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <source>not brought</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>This material cannot follow later (容缺).</source>
        <translation>此材料不能容缺后补。</translation>
    </message>
    <message>
        <source>This material cannot be replaced by a written commitment (告知承诺).</source>
        <translation>此材料不能以告知承诺代替。</translation>
    </message>
</context>
<context>
    <name>OfflinePart</name>
    <message>
        <source>Item code on the payer&apos;s notice</source>
        <translation>通知书上的事项编码</translation>
    </message>
    <message>
        <source>Amount due on the notice (yuan), then Enter</source>
        <translation>通知书应缴金额（元），按 Enter</translation>
    </message>
    <message>
        <source>Not pulled: enter it to confirm</source>
        <translation>未下载：录入后待确认</translation>
    </message>
    <message>
        <source>%1 paper payment(s) taken offline were refused by the center (first: receipt %2, notice %3). Call finance.</source>
        <translation>离线收取的 %1 笔纸质票据缴费被中心拒收（首笔：票据 %2，通知书 %3）。请联系财务。</translation>
    </message>
    <message>
        <source>OFFLINE — cash only, on paper receipts (%1 blank forms left). Card and QR need the link. %2 payment(s) waiting to be sent.</source>
        <translation>离线模式 — 仅收现金，开具纸质票据（剩余空白票据 %1 份）。银行卡和二维码需联网。%2 笔缴费待上传。</translation>
    </message>
    <message>
        <source>%1 paper payment(s) taken offline are still being sent.</source>
        <translation>离线收取的 %1 笔纸质票据缴费正在上传。</translation>
    </message>
    <message>
        <source>%1 paper payment(s) of another cashier wait for that cashier to sign in at this desk: this desk has no device token. Call IT support if it stays so.</source>
        <translation>另一位收费员的 %1 笔纸质票据缴费须等该收费员在本机登录后才能上传：本机没有设备令牌。如一直如此，请联系信息技术支持。</translation>
    </message>
    <message>
        <source>Not pulled from the center: the payment is marked to confirm.</source>
        <translation>未从中心下载：本笔缴费标记为待确认。</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>There is no catalog on this computer yet, and the records service cannot be reached: it must be reached once.</source>
        <translation>本机还没有事项目录，且无法连接记录服务：需至少连接一次记录服务。</translation>
    </message>
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
        <extracomment>The outcome, when the work was handed to a runner (:meth:`run_on`).</extracomment>
        <translation>窗口受理客户端</translation>
    </message>
</context>
<context>
    <name>PackageDisclosure</name>
    <message>
        <source>DEMO</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Lead department: %1</source>
        <translation>牵头部门：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n department(s) handle it in parallel:</source>
        <translation>
            <numerusform>%n 个部门并联办理：</numerusform>
        </translation>
    </message>
    <message>
        <source>Project types: %1</source>
        <translation>适用项目类型：%1</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>牵头：%1</translation>
    </message>
    <message>
        <source>One set of materials, handed in once:</source>
        <translation>一套材料，一次提交：</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必要</translation>
    </message>
    <message>
        <source>if applicable</source>
        <translation>视情形提交</translation>
    </message>
    <message numerus="yes">
        <source>for %n item(s)</source>
        <translation>
            <numerusform>用于 %n 个事项</numerusform>
        </translation>
    </message>
    <message>
        <source>Besides, each item&apos;s own materials:</source>
        <translation>另需各事项自有材料：</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n working day(s)</source>
        <translation>
            <numerusform>合计 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>不收费</translation>
    </message>
    <message>
        <source>%1 in all (the sum of its items&apos; fees)</source>
        <translation>合计 %1（各事项收费之和）</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>&amp;Previous page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>下一页(&amp;X)</translation>
    </message>
    <message>
        <source>The file cannot be shown.</source>
        <translation>无法显示该文件。</translation>
    </message>
    <message>
        <source>The PDF file cannot be read.</source>
        <translation>无法读取该 PDF 文件。</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>ParkedListDialog</name>
    <message>
        <source>Parked intakes</source>
        <translation>暂存的受理</translation>
    </message>
    <message>
        <source>No intake is parked at this window.</source>
        <translation>本窗口没有暂存的受理。</translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation>暂存时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Enter: resume · Delete: discard · Esc: close</source>
        <translation>回车：继续办理 · Delete：删除 · Esc：关闭</translation>
    </message>
</context>
<context>
    <name>Parking</name>
    <message>
        <source>&amp;Resume</source>
        <translation>继续办理(&amp;R)</translation>
    </message>
    <message>
        <source>Discard parked intake</source>
        <translation>删除暂存的受理</translation>
    </message>
    <message>
        <source>Discard this parked intake? What was typed is lost.</source>
        <translation>删除这条暂存的受理？已录入的内容将丢失。</translation>
    </message>
    <message>
        <source>&amp;Park intake (暂存)</source>
        <extracomment>Whether the next catalog should bring the note of an intake parked at quit.</extracomment>
        <translation>暂存受理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume parked intake…</source>
        <translation>继续办理暂存的受理(&amp;R)…</translation>
    </message>
    <message>
        <source>Nothing to park.</source>
        <translation>没有可暂存的内容。</translation>
    </message>
    <message>
        <source>Intake parked. Resume it with Ctrl+R.</source>
        <translation>已暂存。按 Ctrl+R 继续办理。</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>仍然退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>留下(&amp;S)</translation>
    </message>
    <message>
        <source>The intake left open when the desk was closed (%1) was parked. Resume it with Ctrl+R.</source>
        <translation>关闭时未填完的受理（%1）已自动暂存，按 Ctrl+R 继续办理。</translation>
    </message>
    <message>
        <source>The item of this parked intake is not in the catalog any more.</source>
        <translation>该暂存受理的事项已不在事项目录中。</translation>
    </message>
    <message>
        <source>Parked intake resumed.</source>
        <translation>已恢复暂存的受理。</translation>
    </message>
</context>
<context>
    <name>ParkingController</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 件办件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 份文书</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n 条其他记录</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separator between the counts of what waits to be sent.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>Not sent to the center yet: %1. They stay on this computer and are sent after the next sign-in.</source>
        <translation>尚未上传到中心：%1。它们保存在本机，下次登录后自动上传。</translation>
    </message>
    <message>
        <source>The intake being filled in will be parked: Ctrl+R resumes it after the next sign-in.</source>
        <translation>正在填写的受理将暂存，下次登录后按 Ctrl+R 继续办理。</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未上传</translation>
    </message>
</context>
<context>
    <name>PartBox</name>
    <message>
        <source>Materials of this item only:</source>
        <translation>本事项自有材料：</translation>
    </message>
    <message>
        <source>No materials of its own: the set covers it.</source>
        <translation>无自有材料：一套材料已涵盖。</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>受理决定：</translation>
    </message>
    <message>
        <source>Missing for this item: %1 — it gets the one-time notice of missing materials (补正).</source>
        <translation>本事项缺少：%1 — 出具一次性告知（补正）。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password — Window Clerk</source>
        <translation>修改密码 — 窗口受理</translation>
    </message>
    <message>
        <source>The password of %1 was set by someone else or has expired. Choose a new password of your own to continue.</source>
        <translation>%1 的密码是由他人设置的，或已过期。请设置一个您自己的新密码后继续。</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>修改 %1 的密码。</translation>
    </message>
    <message>
        <source>A good password is long and hard to guess: at least 10 characters, not your user name, not a common word, name, date or keyboard pattern. Three or four unrelated words with a number are easy to remember.</source>
        <translation>好的密码要长、难猜：至少 10 个字符，不含用户名，不用常见单词、姓名、日期或键盘连键。三四个互不相关的词加一个数字，既安全又好记。</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>修改密码(&amp;H)</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>Type a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type the new one again.</source>
        <translation>两次输入的新密码不一致，请再输入一次新密码。</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>太短：至少要 %1 个字符。</translation>
    </message>
    <message>
        <source>Too long: use at most %1 characters.</source>
        <translation>太长：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>当前密码不对。</translation>
    </message>
    <message>
        <source>The password must not contain your user name.</source>
        <translation>密码不能包含您的用户名。</translation>
    </message>
    <message>
        <source>The password must not be one or two characters repeated.</source>
        <translation>密码不能是一两个字符的重复。</translation>
    </message>
    <message>
        <source>Too easy to guess: it is a common word, name, date or keyboard pattern, or close to one. Try three or four unrelated words with a number.</source>
        <translation>太容易被猜到：它是（或接近）常见单词、姓名、日期或键盘连键。试试三四个互不相关的词加一个数字。</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <source>You signed in offline: the password can only be changed while the records service can be reached. Sign out, and sign in again when it is back.</source>
        <translation>您是离线登录的：只有在能连上记录服务时才能修改密码。请退出登录，等服务恢复后再登录。</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign out and sign in again, then change the password.</source>
        <translation>您的登录已失效。请退出登录后重新登录，再修改密码。</translation>
    </message>
    <message>
        <source>The records service does not accept this password. Choose a longer one.</source>
        <translation>政务服务记录系统不接受这个密码，请换一个更长的密码。</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one from now on, also to sign in offline at this window.</source>
        <translation>密码已修改。今后请使用新密码，在本窗口离线登录时也是。</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the service</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>The window calls no ticket until you resume. The reason is shown on the window&apos;s own screen.</source>
        <translation>恢复服务前本窗口不再叫号。原因显示在窗口屏上。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Reason for the pause</source>
        <translation>暂停原因</translation>
    </message>
    <message>
        <source>Lunch break</source>
        <translation>午休</translation>
    </message>
    <message>
        <source>Consulting the back office</source>
        <translation>后台咨询</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>This PDF was encrypted with a key this computer does not have (another computer, or a reinstall). It cannot be opened here. The case and its other documents are not affected; reprint the document to get a new copy.</source>
        <extracomment>Pages drawn as images (where there is no ``lp``) are rendered at this resolution.</extracomment>
        <translation>此 PDF 是用本机没有的密钥加密的（来自另一台电脑，或本机重装之前），无法在这里打开。办件及其他文书不受影响；如需纸质件，请补打该文书。</translation>
    </message>
    <message>
        <source>The PDF of this document is no longer on this computer.</source>
        <translation>本机已找不到这份文书的 PDF。</translation>
    </message>
    <message>
        <source>The PDF of this document is damaged and cannot be opened. The case is not affected; reprint the document to get a new copy.</source>
        <translation>这份文书的 PDF 已损坏，无法打开。办件不受影响；如需纸质件，请补打该文书。</translation>
    </message>
    <message>
        <source>Pages of “%1”</source>
        <translation>“%1”的页面</translation>
    </message>
    <message>
        <source>Ctrl+P print · Ctrl+S save as PDF · Esc close</source>
        <translation>Ctrl+P 打印 · Ctrl+S 另存为 PDF · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Users of my department</source>
        <translation>本部门人员</translation>
    </message>
    <message>
        <source>Bad ratings to follow up</source>
        <translation>待整改的差评</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock the selected user (Alt+U)</source>
        <translation>解锁所选人员 (Alt+U)</translation>
    </message>
    <message>
        <source>Rec&amp;ord follow-up…</source>
        <translation>登记整改(&amp;O)…</translation>
    </message>
    <message>
        <source>Record the follow-up of the selected rating (Alt+O, or Enter on the row)</source>
        <translation>登记所选差评的整改情况（Alt+O，或在该行按回车）</translation>
    </message>
    <message>
        <source>Only those &amp;not yet followed up</source>
        <translation>只显示未整改的(&amp;N)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价内容</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已整改</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Choose a user first.</source>
        <translation>请先选择一个人员。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>Choose a rating first.</source>
        <translation>请先选择一条评价。</translation>
    </message>
    <message>
        <source>This rating has been followed up already.</source>
        <translation>这条评价已经整改过了。</translation>
    </message>
    <message>
        <source>The follow-up is recorded.</source>
        <translation>整改情况已登记。</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Resident ID: 18 characters; a card reader may type it in</source>
        <translation>居民身份证号码18位，可用读卡器录入</translation>
    </message>
    <message>
        <source>%1: name</source>
        <translation>%1：姓名</translation>
    </message>
    <message>
        <source>Resident ID n&amp;umber:</source>
        <translation>身份证号码(&amp;U)：</translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation>证件号码(&amp;U)：</translation>
    </message>
    <message>
        <source>%1: document number</source>
        <translation>%1：证件号码</translation>
    </message>
    <message>
        <source>%1: document number (incomplete)</source>
        <translation>%1：证件号码（未录完）</translation>
    </message>
    <message>
        <source>%1: a valid document number</source>
        <translation>%1：有效的证件号码</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>出生 %1 · %2</translation>
    </message>
    <message>
        <source>%1: mobile number</source>
        <translation>%1：手机号码</translation>
    </message>
    <message>
        <source>%1: a valid mobile number</source>
        <translation>%1：有效的手机号码</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Document type:</source>
        <translation>证件类型：</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
</context>
<context>
    <name>Presubmissions</name>
    <message>
        <source>Waiting for pre-review</source>
        <extracomment>Column headers (translated in :meth:`PresubmissionsDialog.retranslate`).</extracomment>
        <translation>待预审</translation>
    </message>
    <message>
        <source>Accepted: bring originals</source>
        <translation>预审通过：携原件办理</translation>
    </message>
    <message>
        <source>Accepted online (全程网办)</source>
        <translation>预审通过：全程网办</translation>
    </message>
    <message>
        <source>Supplement asked for</source>
        <translation>已一次性告知补正</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>已接件</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过预审</translation>
    </message>
    <message>
        <source>This pre-submission is not your department&apos;s, or is gone.</source>
        <translation>这条网上申报不属于本部门，或已不存在。</translation>
    </message>
    <message>
        <source>This pre-submission is not waiting for a pre-review.</source>
        <translation>这条网上申报不在待预审状态。</translation>
    </message>
    <message>
        <source>The one-time supplement notice was given: accept or reject it.</source>
        <translation>已一次性告知过补正：请预审通过或不予通过。</translation>
    </message>
    <message>
        <source>This item needs a visit: it cannot be done fully online.</source>
        <translation>该事项需要到现场办理，不能全程网办。</translation>
    </message>
    <message>
        <source>Type the notice or the reason in the note field first.</source>
        <translation>请先在说明栏填写补正内容或不予通过的理由。</translation>
    </message>
    <message>
        <source>The applicant&apos;s supplement is awaited: it cannot be taken in.</source>
        <translation>正在等待申请人补正，不能接件。</translation>
    </message>
    <message>
        <source>This pre-submission was taken in already.</source>
        <translation>这条网上申报已经接件。</translation>
    </message>
    <message>
        <source>This pre-submission was rejected: it cannot be taken in.</source>
        <translation>这条网上申报未通过预审，不能接件。</translation>
    </message>
    <message>
        <source>A package is taken in as a joint case at its window.</source>
        <translation>“一件事”申报请在其综合窗口按联办件接件。</translation>
    </message>
    <message>
        <source>This package is not in the desk&apos;s catalog: update the catalog.</source>
        <translation>此一件事不在本窗口的事项目录中：请更新目录。</translation>
    </message>
    <message>
        <source>Online pre-submissions need the connection to the center.</source>
        <translation>网上待接件需要连接中心服务。</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>中心拒绝了此操作。</translation>
    </message>
    <message>
        <source>Online pre-submissions (网上待接件)</source>
        <extracomment>The pre-submission to take in (set when Enter closes the dialog). A call to the service is running (the list or a pre-review).</extracomment>
        <translation>网上待接件</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Online pre-submissions</source>
        <translation>网上待接件</translation>
    </message>
    <message>
        <source>Supplement notice or reason</source>
        <translation>补正告知或理由</translation>
    </message>
    <message>
        <source>Supplement notice (F3) or reason to reject (F4)</source>
        <translation>补正告知内容（F3）或不予通过的理由（F4）</translation>
    </message>
    <message>
        <source>Enter take in · F2 accept · Shift+F2 accept online · F3 supplement · F4 reject</source>
        <translation>Enter 接件 · F2 预审通过 · Shift+F2 全程网办 · F3 一次性告知补正 · F4 不予通过</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>请稍候：上一个请求仍在发送。</translation>
    </message>
    <message>
        <source>No online pre-submission is waiting.</source>
        <translation>没有待接件的网上申报。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Uploaded materials: %1</source>
        <translation>已上传材料：%1</translation>
    </message>
    <message>
        <source>Supplement notice given: %1</source>
        <translation>已告知补正：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Online pre-submissions…</source>
        <extracomment>The pre-submission the intake form was filled from (its take-in makes the case). A package&apos;s joint case built and sent whose answer did not come: (number, draft, joint case); sent again as it is when the same draft is accepted again.</extracomment>
        <translation>网上待接件(&amp;O)…</translation>
    </message>
    <message>
        <source>Pre-submission %1 filled in: check the originals, then accept.</source>
        <translation>网上申报 %1 已填入受理表：请核对原件后受理。</translation>
    </message>
</context>
<context>
    <name>PrinterUnavailableDialog</name>
    <message>
        <source>Printer not available</source>
        <translation>打印机不可用</translation>
    </message>
    <message>
        <source>Print on another printer of this computer:</source>
        <translation>改用本机的其他打印机：</translation>
    </message>
    <message>
        <source>This computer has no other printer.</source>
        <translation>本机没有其他打印机。</translation>
    </message>
    <message>
        <source>&amp;Print on the selected printer</source>
        <translation>在所选打印机上打印(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Pages of the document</source>
        <translation>文书页面</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>更多工具</translation>
    </message>
    <message>
        <source>Printer “%1” refused the document. Nothing has been printed.</source>
        <translation>打印机“%1”未接收本文书，没有打印任何内容。</translation>
    </message>
    <message>
        <source>“%1” printed on %2.</source>
        <translation>“%1”已在 %2 上打印。</translation>
    </message>
    <message>
        <source>Saved as %1 (not printed).</source>
        <translation>已另存为 %1（未打印）。</translation>
    </message>
    <message>
        <source>No printer is set for this document. Nothing has been printed.</source>
        <translation>此类文书尚未设置打印机，没有打印任何内容。</translation>
    </message>
    <message>
        <source>The printer “%1” refuses new jobs. Nothing has been printed; ask IT to check it.</source>
        <translation>打印机“%1”拒绝接收打印任务，没有打印任何内容；请联系信息技术人员检查。</translation>
    </message>
    <message>
        <source>The printer “%1” is not available. Nothing has been printed.</source>
        <translation>打印机“%1”不可用，没有打印任何内容。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <source>Queue summary</source>
        <translation>排队概况</translation>
    </message>
    <message>
        <source>Tickets fro&amp;m:</source>
        <translation>号票日期从(&amp;M)：</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>至(&amp;O)：</translation>
    </message>
    <message>
        <source>Tickets from</source>
        <translation>号票日期从</translation>
    </message>
    <message>
        <source>Tickets to</source>
        <translation>号票日期至</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>刷新数据（F5）</translation>
    </message>
    <message>
        <source>Waiting and service time (minutes)</source>
        <translation>等候和办理时长（分钟）</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>每小时叫号数</translation>
    </message>
    <message>
        <source>Hall load: tickets issued by weekday and hour</source>
        <translation>大厅负荷：按星期和小时的取号数</translation>
    </message>
    <message>
        <source>Windows paused</source>
        <translation>窗口暂停服务</translation>
    </message>
    <message>
        <source>Waiting: from the ticket&apos;s issue (kept across a transfer) to its first call. Service: from serving to finishing, for the tickets finished. P90: nine tickets in ten waited (or were served) no longer. Abandoned: called and not come (过号).</source>
        <translation>等候：从取号（转移后仍按原取号时间）到首次叫号。办理：从开始办理到办结，仅计已办结的号票。P90：九成号票的等候（或办理）时间不超过此值。过号：叫号后未到。</translation>
    </message>
    <message>
        <source>%1 tickets, %2 called, %3 served, %4 abandoned; average wait %5 min (P90 %6 min).</source>
        <translation>共 %1 张号票，已叫号 %2 张，办结 %3 张，过号 %4 张；平均等候 %5 分钟（P90 %6 分钟）。</translation>
    </message>
    <message>
        <source>Appointments: %1 checked in, %2 not come, %3 booked, %4 cancelled.</source>
        <translation>预约：已签到 %1 个，爽约 %2 个，待签到 %3 个，已取消 %4 个。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Category / window</source>
        <translation>业务类别 / 窗口</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>号票数</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已叫号</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Avg. wait</source>
        <translation>平均等候</translation>
    </message>
    <message>
        <source>P90 wait</source>
        <translation>等候 P90</translation>
    </message>
    <message>
        <source>Avg. service</source>
        <translation>平均办理</translation>
    </message>
    <message>
        <source>P90 service</source>
        <translation>办理 P90</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>业务类别</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部号票</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>叫号数</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>%1 %2:00: %3 tickets issued</source>
        <translation>%1 %2 时：取号 %3 张</translation>
    </message>
    <message>
        <source>still paused</source>
        <translation>仍在暂停</translation>
    </message>
    <message>
        <source>Paused at</source>
        <translation>暂停时间</translation>
    </message>
    <message>
        <source>Resumed at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Hall queue, tickets of %1 to %2</source>
        <translation>排队叫号统计，%1 至 %2 的号票</translation>
    </message>
</context>
<context>
    <name>RefundHistoryTab</name>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>List decided refunds (Alt+L)</source>
        <translation>列出已处理的退付（Alt+L）</translation>
    </message>
    <message>
        <source>Decided refunds</source>
        <translation>已处理的退付</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>执收单位</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>退付凭证号</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>事由 / 意见</translation>
    </message>
    <message>
        <source>Alt+L: list the refunds decided in these days   F8: print a duplicate</source>
        <translation>Alt+L：列出这些日期内已处理的退付&#x3000;F8：打印副本</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>止日早于起日。</translation>
    </message>
    <message>
        <source>A period is at most 400 days.</source>
        <translation>查询期间最长 400 天。</translation>
    </message>
    <message>
        <source>The records service refused to list the refunds.</source>
        <translation>办件服务拒绝列出退付记录。</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>%1 refund(s) decided from %2 to %3.</source>
        <translation>%2 至 %3 共处理退付 %1 笔。</translation>
    </message>
    <message>
        <source>No refund was decided in these days.</source>
        <translation>这些日期内没有已处理的退付。</translation>
    </message>
</context>
<context>
    <name>RefundRequestDialog</name>
    <message>
        <source>Request a refund (退付)</source>
        <translation>申请退付</translation>
    </message>
    <message>
        <source>Notice number or payment code, then Enter</source>
        <translation>输入缴款通知书编号或缴款码后按回车</translation>
    </message>
    <message>
        <source>Amount to refund (yuan)</source>
        <translation>退付金额（元）</translation>
    </message>
    <message>
        <source>Why the fee is refunded</source>
        <translation>退付事由</translation>
    </message>
    <message>
        <source>The lead&apos;s user name</source>
        <translation>负责人用户名</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>负责人(&amp;L)</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>通知书(&amp;N)</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>缴费情况</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>事由(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Enter: send the request to finance   Esc: close</source>
        <translation>Ctrl+回车 提交财务审批&#x3000;Esc 关闭</translation>
    </message>
    <message>
        <source>A lead of the department signs in to request it.</source>
        <translation>请本单位负责人在此登录后申请。</translation>
    </message>
    <message>
        <source>%1 signed in for this request.</source>
        <translation>%1 已为本次申请登录。</translation>
    </message>
    <message>
        <source>%1 paid ¥%2 on %3, receipt %4; refunded ¥%5</source>
        <translation>%1 于 %3 缴费 ¥%2，票据 %4；已退付 ¥%5</translation>
    </message>
    <message>
        <source>This payment is refunded in full already.</source>
        <translation>该笔缴费已全额退付。</translation>
    </message>
    <message>
        <source>Type the paid notice&apos;s number first.</source>
        <translation>请先输入已缴费的通知书编号。</translation>
    </message>
    <message>
        <source>The amount is not an amount (yuan, at most two decimals).</source>
        <translation>金额无效（以元为单位，最多两位小数）。</translation>
    </message>
    <message>
        <source>State the reason for the refund.</source>
        <translation>请填写退付事由。</translation>
    </message>
    <message>
        <source>Refund of ¥%1 requested for %2; finance decides.</source>
        <translation>已为 %2 申请退付 ¥%1，待财务审批。</translation>
    </message>
    <message>
        <source>No paid notice of your department has this number.</source>
        <translation>本单位没有此编号的已缴费通知书。</translation>
    </message>
    <message>
        <source>More than is left to refund of this payment (requests waiting count too).</source>
        <translation>超过该笔缴费可退金额（待审批的申请也计算在内）。</translation>
    </message>
    <message>
        <source>Only a lead of the collecting department requests refunds.</source>
        <translation>只有执收单位负责人可以申请退付。</translation>
    </message>
    <message>
        <source>Check the amount and the reason.</source>
        <translation>请检查金额和事由。</translation>
    </message>
    <message>
        <source>The records service refused this request.</source>
        <translation>业务服务拒绝了此申请。</translation>
    </message>
    <message>
        <source>Re&amp;fund request (lead)…</source>
        <translation>申请退付（负责人）(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>RejectedPanel</name>
    <message>
        <source>Refused by the center</source>
        <translation>中心拒收的数据</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>The center&apos;s reason</source>
        <translation>中心给出的原因</translation>
    </message>
    <message>
        <source>Re&amp;send corrected</source>
        <translation>更正后重发(&amp;S)</translation>
    </message>
    <message>
        <source>Send the item again with the corrections (Alt+S)</source>
        <translation>按更正后的内容重新发送（Alt+S）</translation>
    </message>
    <message>
        <source>Reason to &amp;void:</source>
        <translation>作废理由(&amp;V)：</translation>
    </message>
    <message>
        <source>Void item</source>
        <translation>作废此项</translation>
    </message>
    <message>
        <source>Give the item up: it is kept, marked void with your reason (Alt+V)</source>
        <translation>放弃此项：记录保留，标记为作废并注明理由（Alt+V）</translation>
    </message>
    <message>
        <source>The case itself</source>
        <translation>办件本身</translation>
    </message>
    <message>
        <source>The joint case with all its parts</source>
        <translation>联合受理件（含各分项）</translation>
    </message>
    <message>
        <source>A case event</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <source>A document record</source>
        <translation>文书记录</translation>
    </message>
    <message>
        <source>The payment notice</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>The payment notice&apos;s cancellation</source>
        <translation>缴款通知书的作废</translation>
    </message>
    <message>
        <source>A payment taken offline on a paper receipt</source>
        <translation>离线收取并开具纸质票据的缴费</translation>
    </message>
    <message>
        <source>A rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>An audit record</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Another record</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <source>Correct the fields the center named first.</source>
        <translation>请先更正中心指出的字段。</translation>
    </message>
    <message>
        <source>Say why the item is voided.</source>
        <translation>请填写作废理由。</translation>
    </message>
    <message>
        <source>Done. The list below shows what is still refused.</source>
        <translation>已处理。下表为仍被拒收的数据。</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>No scanner answers. Check that it is switched on and its cable (USB) is in, then press S again.</source>
        <translation>扫描仪没有响应。请检查扫描仪是否已开机、USB 线是否插好，然后再按 S。</translation>
    </message>
    <message>
        <source>The scanner is busy with another scan. Wait a moment, then press S.</source>
        <translation>扫描仪正在进行另一次扫描。请稍候，再按 S。</translation>
    </message>
    <message>
        <source>The scan was stopped.</source>
        <translation>扫描已停止。</translation>
    </message>
    <message>
        <source>The scanner sent no usable picture. Press S to scan again.</source>
        <translation>扫描仪没有传回可用的图像。请按 S 重新扫描。</translation>
    </message>
    <message>
        <source>%1 is not a picture (PNG, JPEG) or PDF this desk can read, or it is damaged. Nothing of it was kept.</source>
        <translation>%1 不是本机可读取的图片（PNG、JPEG）或 PDF 文件，或文件已损坏。未保留其任何内容。</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>The page is too large (more than %1 MB, or more than 60 million pixels: scan it at a lower resolution). Nothing of it was kept.</source>
        <translation>该页过大（超过 %1 MB 或 6000 万像素：请用较低分辨率扫描）。未保留其任何内容。</translation>
    </message>
    <message>
        <source>The pages of this intake would pass %1 MB, the most one case may hold. Drop a page or scan at a lower resolution. Nothing more was kept.</source>
        <translation>本次受理的扫描页将超过 %1 MB，即一个案件可保存的上限。请删除某页或用较低分辨率扫描。未再保留新的内容。</translation>
    </message>
    <message>
        <source>The page could not be scanned. Press S to try again.</source>
        <translation>这一页没有扫描成功。请按 S 重试。</translation>
    </message>
    <message>
        <source>Delete: drop this page · R / Shift+R: turn it · Ctrl+Left / Ctrl+Right: move it</source>
        <translation>Delete：删除此页 · R / Shift+R：旋转 · Ctrl+← / Ctrl+→：移动</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>扫描页</translation>
    </message>
    <message>
        <source>S: scan a page of the material on the current row · F: from a file</source>
        <translation>S：扫描当前行材料的一页 · F：从文件添加</translation>
    </message>
    <message>
        <source>Scanning %1… (Escape stops)</source>
        <translation>正在扫描%1…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Page %1 of %2 scanned.</source>
        <translation>已扫描%2第 %1 页。</translation>
    </message>
    <message>
        <source>The scanned page could not be saved (disk full or no permission).</source>
        <translation>扫描的页面无法保存（磁盘已满或没有权限）。</translation>
    </message>
    <message>
        <source>Pages of %1 from a file</source>
        <translation>从文件添加%1的页面</translation>
    </message>
    <message>
        <source>Pictures and PDF (%1)</source>
        <translation>图片和 PDF（%1）</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s) added to %2.</source>
        <translation>
            <numerusform>%1：已为%2添加 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>The page could not be turned.</source>
        <translation>此页无法旋转。</translation>
    </message>
    <message>
        <source>Page turned.</source>
        <translation>已旋转此页。</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check</source>
        <translation>自检</translation>
    </message>
    <message>
        <source>Self-check report</source>
        <translation>自检报告</translation>
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
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Provisioning file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Records service</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>密钥存储</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>File permissions</source>
        <translation>文件权限</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>界面翻译</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
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
        <source>The self-check could not run to the end. Press Check again; if it happens again, ask IT and give them the details.</source>
        <translation>自检未能完成。请按“重新检查”；再次出现时请联系信息科，并把详细信息告诉他们。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Acceptance notice (受理通知书)</source>
        <extracomment>The languages offered, each named in itself (never translated).</extracomment>
        <translation>受理通知书</translation>
    </message>
    <message>
        <source>Supplement notice (补正)</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <source>Deferred acceptance (容缺)</source>
        <translation>容缺受理通知书</translation>
    </message>
    <message>
        <source>Deferred material received (容缺补齐)</source>
        <translation>容缺材料补齐回执</translation>
    </message>
    <message>
        <source>Deferred acceptance ended (容缺终止)</source>
        <translation>容缺受理终止通知书</translation>
    </message>
    <message>
        <source>Refusal notice (不予受理)</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <source>Forwarding notice (上报)</source>
        <translation>上报通知书</translation>
    </message>
    <message>
        <source>Completion notice (办结)</source>
        <translation>办结通知书</translation>
    </message>
    <message>
        <source>Fee notice (收费)</source>
        <translation>收费通知书</translation>
    </message>
    <message>
        <source>Void notice (作废)</source>
        <translation>作废通知书</translation>
    </message>
    <message>
        <source>Correction notice (更正)</source>
        <translation>更正通知书</translation>
    </message>
    <message>
        <source>Commitment letter (告知承诺书)</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <source>Joint acceptance notice (联合受理)</source>
        <translation>联合受理通知书</translation>
    </message>
    <message>
        <source>Joint supplement notice (联合补正)</source>
        <translation>联合补正材料通知书</translation>
    </message>
    <message>
        <source>Stage completion notice (阶段办结)</source>
        <translation>阶段办结通知书</translation>
    </message>
    <message>
        <source>Joint completion notice (联合办结)</source>
        <translation>联合办结通知书</translation>
    </message>
    <message>
        <source>Service guide (办事指南)</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <source>Receipt slip, 80 mm roll</source>
        <translation>受理回执（80 毫米卷纸）</translation>
    </message>
    <message>
        <source>Payment notice (缴款通知书)</source>
        <translation>缴款通知书</translation>
    </message>
    <message>
        <source>Fiscal receipt, A4 three parts (非税收入票据)</source>
        <translation>非税收入票据（A4 三联）</translation>
    </message>
    <message>
        <source>Fiscal receipt, 80 mm roll</source>
        <translation>非税收入票据（80 毫米卷纸）</translation>
    </message>
    <message>
        <source>Refund voucher (退付凭证)</source>
        <translation>退付凭证</translation>
    </message>
    <message>
        <source>Daily close sheet (日结单)</source>
        <translation>收费日结单</translation>
    </message>
    <message>
        <source>Queue ticket, 80 mm roll (排队票)</source>
        <translation>排队票（80 mm 卷纸）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Applies at once, no restart needed</source>
        <translation>立即生效，无需重启</translation>
    </message>
    <message>
        <source>&amp;Yellow when due within:</source>
        <extracomment>Label of the yellow-card threshold of the worklist, in working days.</extracomment>
        <translation>到期提醒（黄牌）(&amp;Y)：</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> 个工作日内</translation>
    </message>
    <message>
        <source>Worklist cases due within this many working days are shown yellow</source>
        <translation>办件在这么多个工作日内到期时以黄色标出</translation>
    </message>
    <message>
        <source>Applies at once: full screen on a monitor other than the desk&apos;s</source>
        <translation>立即生效：在工作界面以外的显示器上全屏显示</translation>
    </message>
    <message>
        <source>Applicant &amp;screen on a second monitor</source>
        <translation>在第二台显示器上打开申请人确认屏(&amp;S)</translation>
    </message>
    <message>
        <source>Accept only after the applicant &amp;confirmed</source>
        <translation>申请人确认后方可受理(&amp;C)</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>As provisioned (%1)</source>
        <translation>按部署配置（%1）</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>系统默认打印机</translation>
    </message>
    <message>
        <source>The settings could not be saved in %1 (%2). Ask IT to make that folder writable; until then they apply only until you quit.</source>
        <translation>设置无法保存到 %1（%2）。请联系信息技术人员使该文件夹可写；在此之前，设置仅在本次运行中有效。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Window Clerk is already running on this data folder (process %1 on computer %2, user %3). Switch to that window, or close it first, then start again.

Data folder: %4</source>
        <translation>窗口受理客户端已在运行，使用的是同一个数据文件夹（电脑 %2 上的进程 %1，用户 %3）。请切换到那个窗口，或先将其关闭，再重新启动。

数据文件夹：%4</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <translation>窗口受理客户端</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>In person</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>Bad rating</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <source>The hall</source>
        <translation>大厅</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Delay beyond the promise</source>
        <translation>超承诺时限</translation>
    </message>
    <message>
        <source>Materials not in the disclosure</source>
        <translation>索要公示外材料</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Misconduct</source>
        <translation>违规违纪</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待交办</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已交办</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新交办</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>the complainant&apos;s name (or tick anonymous)</source>
        <translation>投诉人姓名（或勾选匿名）</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>the department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>the clerk&apos;s user name</source>
        <translation>工作人员用户名</translation>
    </message>
    <message>
        <source>the case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>the account</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>the note saying why</source>
        <translation>说明原因的备注</translation>
    </message>
    <message>
        <source>the window or department</source>
        <translation>窗口或部门</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>the month (YYYY-MM)</source>
        <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
        <source>the linked numbers</source>
        <translation>关联编号</translation>
    </message>
    <message>
        <source>the period (YYYY-MM or YYYY-Wnn)</source>
        <translation>期间（YYYY-MM 或 YYYY-Wnn）</translation>
    </message>
    <message>
        <source>the new deadline (a later YYYY-MM-DD HH:MM)</source>
        <translation>新的时限（更晚的 YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>the bad rating</source>
        <translation>差评</translation>
    </message>
    <message>
        <source>the first day rated (YYYY-MM-DD, not after the last)</source>
        <translation>评价起始日（YYYY-MM-DD，不晚于截止日）</translation>
    </message>
    <message>
        <source>the last day rated (YYYY-MM-DD)</source>
        <translation>评价截止日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>the department&apos;s code</source>
        <translation>部门代码</translation>
    </message>
    <message>
        <source>Something entered is not accepted: check the fields.</source>
        <translation>填写的内容未被接受：请检查各栏。</translation>
    </message>
    <message>
        <source>Check %1: it is missing or unknown.</source>
        <translation>请检查%1：未填写或不存在。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>That complaint is not there (or not yours to see).</source>
        <translation>没有该投诉（或您无权查看）。</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>您的账号无权进行此操作。</translation>
    </message>
    <message>
        <source>The complaint is closed: reopen it first.</source>
        <translation>该投诉已办结：请先重新交办。</translation>
    </message>
    <message>
        <source>The complaint is not at a step where this is done.</source>
        <translation>该投诉当前环节不能进行此操作。</translation>
    </message>
    <message>
        <source>The complainant left no contact to call back: close it instead.</source>
        <translation>投诉人未留联系方式，无法回访：请直接办结。</translation>
    </message>
    <message>
        <source>A complaint is reopened once only.</source>
        <translation>投诉只能重新交办一次。</translation>
    </message>
    <message>
        <source>That window is the month&apos;s model window already.</source>
        <translation>该窗口已是本月样板窗口。</translation>
    </message>
    <message>
        <source>That work order is not there (or not the center&apos;s).</source>
        <translation>没有该工单（或不属于本中心）。</translation>
    </message>
    <message>
        <source>The work order is not at a step where this is done.</source>
        <translation>工单当前环节不能进行此操作。</translation>
    </message>
    <message>
        <source>The records service refused this.</source>
        <translation>业务服务拒绝了此操作。</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>请稍候：上一个请求仍在发送。</translation>
    </message>
    <message>
        <source>Followed up or not</source>
        <translation>是否已回访</translation>
    </message>
    <message>
        <source>Still to follow up</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source> (followed up)</source>
        <translation>（已回访）</translation>
    </message>
</context>
<context>
    <name>SupervisionHotline</name>
    <message>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Received: to sign</source>
        <translation>已接收：待签收</translation>
    </message>
    <message>
        <source>Signed: to assign</source>
        <translation>已签收：待交办</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已交办</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>已延期</translation>
    </message>
    <message>
        <source>Sent back: redo</source>
        <translation>退回重办</translation>
    </message>
    <message>
        <source>Sign overdue %1</source>
        <translation>签收超时 %1</translation>
    </message>
    <message>
        <source>Answer overdue %1</source>
        <translation>答复超时 %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>%1 left to sign</source>
        <translation>距签收时限 %1</translation>
    </message>
    <message>
        <source>%1 left to answer</source>
        <translation>距答复时限 %1</translation>
    </message>
</context>
<context>
    <name>SupervisionScreen</name>
    <message>
        <source>Supervision — %1</source>
        <translation>督查 — %1</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督查</translation>
    </message>
    <message>
        <source>Complaints</source>
        <extracomment>The screen&apos;s calls to the service, off the GUI thread (the 12345 tab has its own).</extracomment>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation>通报</translation>
    </message>
    <message>
        <source>Cards and model windows</source>
        <translation>红黄牌/样板窗口</translation>
    </message>
    <message>
        <source>12345 work orders</source>
        <translation>12345 工单</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>About</source>
        <translation>投诉对象</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>投诉详情</translation>
    </message>
    <message>
        <source>Department to answer</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>如 GA</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>note on the step; a reopen says why</source>
        <translation>本环节备注；重新交办须说明原因</translation>
    </message>
    <message>
        <source>Alt+A: assign   Alt+B: call-back recorded   Alt+C: close   Alt+R: reopen   F5: reload</source>
        <translation>Alt+A：交办   Alt+B：记录回访   Alt+C：办结   Alt+R：重新交办   F5：刷新</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>已生成的文件</translation>
    </message>
    <message>
        <source>Week or month</source>
        <translation>周或月</translation>
    </message>
    <message>
        <source>Ctrl+E: export the bulletin as PDF and XLSX   Alt+O: choose the folder   (a month 2026-11, a week 2026-W49)</source>
        <translation>Ctrl+E：导出通报 PDF 和 XLSX   Alt+O：选择文件夹   （月如 2026-11，周如 2026-W49）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>No complaint.</source>
        <translation>暂无投诉。</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>投诉内容：%1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>答复：%1</translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <source>Choose a bad rating first.</source>
        <translation>请先选择一条差评。</translation>
    </message>
    <message>
        <source>The form is filled from the bad rating: complete it, then Ctrl+Return.</source>
        <translation>已按差评填好投诉表：补充后按 Ctrl+Return 受理。</translation>
    </message>
    <message>
        <source>Complaint %1 taken in.</source>
        <translation>投诉 %1 已受理。</translation>
    </message>
    <message>
        <source>Choose a complaint first.</source>
        <translation>请先选择一条投诉。</translation>
    </message>
    <message>
        <source>Complaint %1 assigned.</source>
        <translation>投诉 %1 已交办。</translation>
    </message>
    <message>
        <source>Call-back of %1 recorded.</source>
        <translation>投诉 %1 的回访已记录。</translation>
    </message>
    <message>
        <source>Complaint %1 closed.</source>
        <translation>投诉 %1 已办结。</translation>
    </message>
    <message>
        <source>Complaint %1 reopened.</source>
        <translation>投诉 %1 已重新交办。</translation>
    </message>
    <message>
        <source>Bulletin %1 exported as PDF and XLSX.</source>
        <translation>%1 通报已导出为 PDF 和 XLSX。</translation>
    </message>
    <message>
        <source>Folder of the bulletin</source>
        <translation>通报所在文件夹</translation>
    </message>
</context>
<context>
    <name>SuspendKind</name>
    <message>
        <source>Intermediary service</source>
        <translation>中介服务</translation>
    </message>
    <message>
        <source>Technical review</source>
        <translation>技术审查</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Special procedure</source>
        <translation>特殊程序</translation>
    </message>
    <message>
        <source>Waiting on the applicant</source>
        <translation>等待申请人补正</translation>
    </message>
    <message>
        <source>Suspend (time not counted)</source>
        <translation>中止（不计入审批时间）</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>&amp;Silent after (minutes):</source>
        <translation>失联判定（分钟）(&amp;S)：</translation>
    </message>
    <message>
        <source>Red: no contact for that long (or never). Amber: an old client version.</source>
        <translation>红色：超过该时长未联系（或从未联系）。黄色：客户端版本过旧。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <source>Silent for</source>
        <translation>失联时长</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>被拒条目</translation>
    </message>
    <message>
        <source>Rejection reasons</source>
        <translation>被拒原因</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>客户端 %1</translation>
    </message>
    <message>
        <source>no client</source>
        <translation>无客户端</translation>
    </message>
    <message>
        <source>Sync supervision</source>
        <translation>同步监控</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>Silent: this client has not been in touch</source>
        <translation>失联：此客户端长时间未联系</translation>
    </message>
    <message>
        <source>Old version: update this client</source>
        <translation>版本过旧：请升级此客户端</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is wrong</source>
        <translation>此电脑的时钟不准</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket %1</source>
        <translation>转移 %1 号</translation>
    </message>
    <message>
        <source>Choose a category, or type a window&apos;s code (or both). The ticket keeps its place in the queue it joins.</source>
        <translation>选择业务，或输入窗口编号（也可两者都填）。该号在转入的队列中保留原排位。</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>业务(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Window (code):</source>
        <translation>窗口编号(&amp;W)：</translation>
    </message>
    <message>
        <source>(the window&apos;s own)</source>
        <translation>（按该窗口的业务）</translation>
    </message>
    <message>
        <source>Category to transfer to</source>
        <translation>转入的业务</translation>
    </message>
    <message>
        <source>Window to transfer to</source>
        <translation>转入的窗口</translation>
    </message>
    <message>
        <source>e.g. W02</source>
        <translation>如 W02</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <source>Verification of the written commitment (核查)</source>
        <translation>告知承诺核查</translation>
    </message>
    <message>
        <source>Fin&amp;ding:</source>
        <translation>核查意见(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Credit note (if false):</source>
        <translation>失信记录(&amp;C)（承诺不实时）：</translation>
    </message>
    <message>
        <source>Recorded on the applicant&apos;s credit record when the commitment is false</source>
        <translation>承诺不实时记入申请人信用记录</translation>
    </message>
    <message>
        <source>Commitment &amp;holds</source>
        <translation>核查属实(&amp;H)</translation>
    </message>
    <message>
        <source>Found fa&amp;lse: revoke</source>
        <translation>承诺不实，撤销(&amp;L)</translation>
    </message>
    <message>
        <source>The case is revoked (撤销) and the credit note recorded on the applicant</source>
        <translation>撤销本办件，并将失信情况记入申请人信用记录</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>The department verifies by %1.</source>
        <translation>部门须于 %1 前完成核查。</translation>
    </message>
    <message>
        <source>Say what the verification found.</source>
        <translation>请填写核查意见。</translation>
    </message>
    <message>
        <source>Write the credit note recorded on the applicant.</source>
        <translation>请填写记入申请人信用记录的失信情况。</translation>
    </message>
    <message>
        <source>Verification recorded.</source>
        <translation>核查结果已记录。</translation>
    </message>
</context>
<context>
    <name>VerificationsDue</name>
    <message>
        <source> overdue</source>
        <translation> 已逾期</translation>
    </message>
    <message>
        <source>Commitments to verify (核查): %1, %2 overdue — %3</source>
        <translation>待核查的告知承诺：%1 件，逾期 %2 件 — %3</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <source>Waiting for the records service… (the desk stays usable)</source>
        <translation>正在等待记录服务答复…（本机仍可操作）</translation>
    </message>
    <message>
        <source>No receipt of yours has this code and number.</source>
        <translation>没有您的此代码和号码的票据。</translation>
    </message>
    <message>
        <source>This receipt is voided already.</source>
        <translation>该票据已作废。</translation>
    </message>
    <message>
        <source>An electronic receipt is not voided: a refund reverses it.</source>
        <translation>电子票据不能作废，应通过退付冲销。</translation>
    </message>
    <message>
        <source>This day is closed (日结); nothing of it can change.</source>
        <translation>当日已日结，不能再作任何更改。</translation>
    </message>
    <message>
        <source>This number is not in the receipt stock allotted to you.</source>
        <translation>该号码不在分配给您的票据号段内。</translation>
    </message>
    <message>
        <source>Check the fields: digits for code and number, and a reason.</source>
        <translation>请检查：票据代码和号码为数字，并填写作废原因。</translation>
    </message>
    <message>
        <source>Paper payments of this day taken offline have not reached the center yet: the day cannot be closed before they do. Press F5 at the cashier screen once the link is back, then close the day.</source>
        <translation>当日离线收取的纸质票据缴费尚未上传到中心，上传前不能日结。请在联网后于收费界面按 F5，再进行日结。</translation>
    </message>
    <message>
        <source>The records service refused this.</source>
        <translation>业务服务拒绝了此操作。</translation>
    </message>
    <message>
        <source>Void a spoilt receipt</source>
        <translation>票据作废</translation>
    </message>
    <message>
        <source>Receipt code (票据代码)</source>
        <translation>票据代码</translation>
    </message>
    <message>
        <source>Receipt number (票据号码)</source>
        <translation>票据号码</translation>
    </message>
    <message>
        <source>Why it is spoilt</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Receipt &amp;code</source>
        <translation>票据代码(&amp;C)</translation>
    </message>
    <message>
        <source>Receipt &amp;number</source>
        <translation>票据号码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Enter: void the receipt (it keeps its number)</source>
        <translation>Ctrl+回车 作废票据（号码保留）</translation>
    </message>
    <message>
        <source>Receipt %1 is voided; its number is kept.</source>
        <translation>票据 %1 已作废，号码保留。</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <source>Fee waiver (减免)</source>
        <translation>费用减免</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>减免事由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Amount waived (yuan):</source>
        <translation>减免金额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Note (which rule):</source>
        <translation>说明（依据）(&amp;N)：</translation>
    </message>
    <message>
        <source>Up to ¥%1 may be waived. Above ¥%2 a lead of the department approves it.</source>
        <translation>最多可减免 ¥%1；超过 ¥%2 须本部门值班长审批。</translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 20 or 19.50.</source>
        <translation>请以元为单位输入金额，例如 20 或 19.50。</translation>
    </message>
    <message>
        <source>The amount waived is ¥0.01 to ¥%1.</source>
        <translation>减免金额应在 ¥0.01 至 ¥%1 之间。</translation>
    </message>
    <message>
        <source>Under &apos;other&apos;, the note names the rule that waives the fee.</source>
        <translation>选择“其他依规减免”时，请在说明中写明依据。</translation>
    </message>
    <message>
        <source>None of this item&apos;s fees may be waived.</source>
        <translation>该事项的费用不可减免。</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>请从列表中选择减免事由。</translation>
    </message>
    <message>
        <source>This waiver is not allowed.</source>
        <translation>不允许此项减免。</translation>
    </message>
</context>
<context>
    <name>WindowScreen</name>
    <message>
        <source>Service paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <source>Open — please take a ticket</source>
        <translation>欢迎办理 请取号等候</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>Back soon</source>
        <translation>稍后恢复</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Please have your documents ready</source>
        <translation>请备好证件和材料</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Case no.</source>
        <extracomment>Pages of rows the model holds (an LRU): what is on screen and the pages around it. Right-aligned countdown (the last but one column); the others as the view likes. Role → its place in a row&apos;s painted cells (``WorklistModel._cells_of``). The roles :meth:`WorklistModel.data` answers. (item code, stage code) → stage name, for the parts of joint cases. The index: the keyset cursor of the last row of each page read so far. Rows read so far (the view&apos;s row count). Page number → its rows, least recently used first. Row → its painted cells (:meth:`_cells_of`), for the rows of the pages held.</extracomment>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>承诺办结日</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <source>Joint case · stage</source>
        <translation>联合办件 · 阶段</translation>
    </message>
    <message>
        <source>waiting for its stage</source>
        <translation>待阶段开启</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>中止计时</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>未缴费</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已缴费</translation>
    </message>
    <message>
        <source>fee waived</source>
        <translation>已减免</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退付</translation>
    </message>
    <message>
        <source>material overdue</source>
        <translation>容缺材料逾期</translation>
    </message>
    <message>
        <source>material due</source>
        <translation>容缺材料到期</translation>
    </message>
    <message>
        <source>Its stage has not opened yet: it is worked once it opens</source>
        <translation>所在阶段尚未开启，开启后方可办理</translation>
    </message>
    <message>
        <source>容缺 material promised by %1: record it supplied or not supplied</source>
        <translation>容缺材料承诺于%1前补齐：请在办件详情中登记已补齐或未补齐</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not yet sent to the center</source>
        <translation>尚未上传中心</translation>
    </message>
    <message>
        <source>Refused by the center: open the case to fix it</source>
        <translation>中心拒收：打开办件处理</translation>
    </message>
</context>
<context>
    <name>WorklistPane</name>
    <message>
        <source>Cases</source>
        <translation>办件列表</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>This window&apos;s cases</source>
        <translation>本窗口办件</translation>
    </message>
    <message>
        <source>For my department (joint cases)</source>
        <translation>待本部门办理（联合办件）</translation>
    </message>
    <message>
        <source>The parts of joint cases assigned to your department, whichever window took them in</source>
        <translation>分配给本部门的联合办件事项，无论由哪个窗口受理</translation>
    </message>
    <message>
        <source>Consolidate supplements of joint cases</source>
        <translation>联合办件补正汇总</translation>
    </message>
    <message>
        <source>Consolidate supplements…</source>
        <translation>补正汇总…</translation>
    </message>
    <message>
        <source>What each department filed, one notice per stage (%1)</source>
        <translation>各部门报送的补正需求，每阶段一份告知书（%1）</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Case no., applicant name, ID last 4 or phone</source>
        <translation>办件编号、申请人姓名、证件号后 4 位或电话</translation>
    </message>
    <message>
        <source>Search the worklist by case number, name, ID last 4 digits or phone (%1)</source>
        <translation>按办件编号、姓名、证件号后 4 位或电话搜索（%1）</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>时限(&amp;U)：</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>全部时限</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日内到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Received to&amp;day</source>
        <translation>今日受理(&amp;D)</translation>
    </message>
    <message>
        <source>Search the worklist</source>
        <translation>搜索办件</translation>
    </message>
    <message>
        <source>Refresh the worklist</source>
        <translation>刷新办件列表</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <source>Enter opens the selected case; Shift+F5 refreshes the list</source>
        <translation>Enter 打开所选办件；Shift+F5 刷新列表</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadTab</name>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>期间(&amp;E)：</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>从(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>刷新数据 (F5)</translation>
    </message>
    <message>
        <source>Enter or double-click a window to see its cases</source>
        <translation>按回车或双击窗口查看其办件</translation>
    </message>
    <message>
        <source>Workload %1 to %2</source>
        <translation>工作量 %1 至 %2</translation>
    </message>
</context>
</TS>
