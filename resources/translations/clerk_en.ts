<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptedDialog</name>
    <message>
        <source>Decision saved</source>
        <translation>Decision saved</translation>
    </message>
    <message>
        <source>The decision is saved on this computer: %1.</source>
        <translation>The decision is saved on this computer: %1.</translation>
    </message>
    <message>
        <source>Case accepted</source>
        <translation>Case accepted</translation>
    </message>
    <message>
        <source>The case is saved on this computer.</source>
        <translation>The case is saved on this computer.</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>Case number:</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>Query code:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Notice: %1</source>
        <translation>Notice: %1</translation>
    </message>
    <message>
        <source>Receipt: %1</source>
        <translation>Receipt: %1</translation>
    </message>
    <message>
        <source>The receipt could not be written; reprint it later.</source>
        <translation>The receipt could not be written; reprint it later.</translation>
    </message>
    <message>
        <source>&amp;Open receipt</source>
        <translation>&amp;Open receipt</translation>
    </message>
    <message>
        <source>&amp;Open notice</source>
        <translation>&amp;Open notice</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>&amp;Print receipt…</translation>
    </message>
    <message>
        <source>&amp;Print notice…</source>
        <translation>&amp;Print notice…</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>Print &amp;slip…</translation>
    </message>
    <message>
        <source>Print commitment &amp;letter…</source>
        <translation>Print commitment &amp;letter…</translation>
    </message>
    <message>
        <source>The applicant signs the written commitment (告知承诺书)</source>
        <translation>The applicant signs the written commitment (告知承诺书)</translation>
    </message>
    <message>
        <source>Ask for &amp;rating</source>
        <translation>Ask for &amp;rating</translation>
    </message>
    <message>
        <source>Ask the applicant to rate the service</source>
        <translation>Ask the applicant to rate the service</translation>
    </message>
    <message>
        <source>&amp;Next applicant</source>
        <translation>&amp;Next applicant</translation>
    </message>
</context>
<context>
    <name>ApplicantDesk</name>
    <message>
        <source>Ask applicant to &amp;confirm</source>
        <extracomment>What the applicant screen&apos;s rating carries for a queue visit (not a case number). The queue visit being rated: its key on the screen and how to save its rating.</extracomment>
        <translation>Ask applicant to &amp;confirm</translation>
    </message>
    <message>
        <source>Show the case to the applicant to confirm (F9)</source>
        <translation>Show the case to the applicant to confirm (F9)</translation>
    </message>
    <message>
        <source>Applicant screen: no second monitor</source>
        <translation>Applicant screen: no second monitor</translation>
    </message>
    <message>
        <source>Applicant: not confirmed</source>
        <translation>Applicant: not confirmed</translation>
    </message>
    <message>
        <source>Applicant: checking…</source>
        <translation>Applicant: checking…</translation>
    </message>
    <message>
        <source>Applicant: confirmed ✓</source>
        <translation>Applicant: confirmed ✓</translation>
    </message>
    <message>
        <source>Applicant: asked to correct</source>
        <translation>Applicant: asked to correct</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>Pick a service item first.</translation>
    </message>
    <message>
        <source>Acceptance waits for the applicant&apos;s confirmation, but the applicant screen cannot show: only one monitor is connected. Connect the applicant&apos;s monitor, or turn off &quot;Accept only after the applicant confirmed&quot; in File ▸ Settings.</source>
        <translation>Acceptance waits for the applicant&apos;s confirmation, but the applicant screen cannot show: only one monitor is connected. Connect the applicant&apos;s monitor, or turn off &quot;Accept only after the applicant confirmed&quot; in File ▸ Settings.</translation>
    </message>
    <message>
        <source>The applicant has not confirmed the case yet (F9 asks).</source>
        <translation>The applicant has not confirmed the case yet (F9 asks).</translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation>Case number %1</translation>
    </message>
    <message>
        <source>The applicant&apos;s rating is saved.</source>
        <translation>The applicant&apos;s rating is saved.</translation>
    </message>
    <message>
        <source>The rating could not be saved: %1</source>
        <translation>The rating could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>ApplicantScreen</name>
    <message>
        <source>Only one monitor is connected, so the applicant screen is not shown (it would cover your desk). It appears as soon as a second monitor is connected.</source>
        <translation>Only one monitor is connected, so the applicant screen is not shown (it would cover your desk). It appears as soon as a second monitor is connected.</translation>
    </message>
    <message>
        <source>Applicant screen</source>
        <translation>Applicant screen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Please have your documents ready.</source>
        <translation>Please have your documents ready.</translation>
    </message>
    <message>
        <source>Please check your application</source>
        <translation>Please check your application</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>:</source>
        <translation>:</translation>
    </message>
    <message>
        <source>Needs correcting</source>
        <translation>Needs correcting</translation>
    </message>
    <message>
        <source>All correct</source>
        <translation>All correct</translation>
    </message>
    <message>
        <source>How was our service today?</source>
        <translation>How was our service today?</translation>
    </message>
    <message>
        <source>Anything to add? (optional, tap to choose)</source>
        <translation>Anything to add? (optional, tap to choose)</translation>
    </message>
    <message>
        <source>Quick and efficient</source>
        <translation>Quick and efficient</translation>
    </message>
    <message>
        <source>Friendly staff</source>
        <translation>Friendly staff</translation>
    </message>
    <message>
        <source>Done in one visit</source>
        <translation>Done in one visit</translation>
    </message>
    <message>
        <source>Long wait</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <source>Unclear what to bring</source>
        <translation>Unclear what to bring</translation>
    </message>
    <message>
        <source>Staff attitude</source>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <source>Tap one to rate:</source>
        <translation>Tap one to rate:</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Fairly satisfied</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>Thank you for your rating!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>Confirmed — thank you!</source>
        <translation>Confirmed — thank you!</translation>
    </message>
    <message>
        <source>The clerk is now processing your application.</source>
        <translation>The clerk is now processing your application.</translation>
    </message>
    <message>
        <source>Please tell the clerk what needs correcting.</source>
        <translation>Please tell the clerk what needs correcting.</translation>
    </message>
    <message>
        <source>You will be asked to check the application again.</source>
        <translation>You will be asked to check the application again.</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the names of the materials received.</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>Case number %1</source>
        <translation>Case number %1</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>No place is left in that half-day: choose another.</source>
        <translation>No place is left in that half-day: choose another.</translation>
    </message>
    <message>
        <source>The center is closed then (not a working day, or that half-day is over), or this business takes no appointments.</source>
        <translation>The center is closed then (not a working day, or that half-day is over), or this business takes no appointments.</translation>
    </message>
    <message>
        <source>This ID number has an appointment for this business on that day already.</source>
        <translation>This ID number has an appointment for this business on that day already.</translation>
    </message>
    <message>
        <source>The ID number is not valid.</source>
        <translation>The ID number is not valid.</translation>
    </message>
    <message>
        <source>The phone is not a mobile number.</source>
        <translation>The phone is not a mobile number.</translation>
    </message>
    <message>
        <source>Type the applicant&apos;s name.</source>
        <translation>Type the applicant&apos;s name.</translation>
    </message>
    <message>
        <source>No such appointment for this ID number: check the code and the ID card.</source>
        <translation>No such appointment for this ID number: check the code and the ID card.</translation>
    </message>
    <message>
        <source>This appointment was checked in at the kiosk already: its ticket is in the queue.</source>
        <translation>This appointment was checked in at the kiosk already: its ticket is in the queue.</translation>
    </message>
    <message>
        <source>This appointment&apos;s half-day is over.</source>
        <translation>This appointment&apos;s half-day is over.</translation>
    </message>
    <message>
        <source>This appointment was cancelled already.</source>
        <translation>This appointment was cancelled already.</translation>
    </message>
    <message>
        <source>The center refused a field: check the entries.</source>
        <translation>The center refused a field: check the entries.</translation>
    </message>
    <message>
        <source>Appointments need the connection to the center.</source>
        <translation>Appointments need the connection to the center.</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>The center refused this.</translation>
    </message>
    <message>
        <source>Appoint&amp;ments…</source>
        <translation>Appoint&amp;ments…</translation>
    </message>
</context>
<context>
    <name>AppointmentsDialog</name>
    <message>
        <source>Appointments</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Book an appointment</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>Cancel an appointment</source>
        <translation>Cancel an appointment</translation>
    </message>
    <message>
        <source>B&amp;usiness:</source>
        <translation>B&amp;usiness:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>&amp;ID number:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Appointment c&amp;ode:</source>
        <translation>Appointment c&amp;ode:</translation>
    </message>
    <message>
        <source>ID number of the &amp;holder:</source>
        <translation>ID number of the &amp;holder:</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <source>&amp;Cancel the appointment</source>
        <translation>&amp;Cancel the appointment</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <source>Enter in the booking fields books (Alt+B); Enter in the cancel fields cancels (Alt+C). Esc closes.</source>
        <translation>Enter in the booking fields books (Alt+B); Enter in the cancel fields cancels (Alt+C). Esc closes.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>morning 9:00–12:00</source>
        <translation>morning 9:00–12:00</translation>
    </message>
    <message>
        <source>afternoon 13:00–17:00</source>
        <translation>afternoon 13:00–17:00</translation>
    </message>
    <message>
        <source>%1: %2 places per half-day.</source>
        <translation>%1: %2 places per half-day.</translation>
    </message>
    <message>
        <source>No business of the hall takes appointments.</source>
        <translation>No business of the hall takes appointments.</translation>
    </message>
    <message>
        <source>Booked: %1, %2.</source>
        <translation>Booked: %1, %2.</translation>
    </message>
    <message>
        <source>Places left in that half-day: %1.</source>
        <translation>Places left in that half-day: %1.</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>This applicant missed %1 earlier appointments.</source>
        <translation>This applicant missed %1 earlier appointments.</translation>
    </message>
    <message>
        <source>Read the code out to the applicant: %1</source>
        <translation>Read the code out to the applicant: %1</translation>
    </message>
    <message>
        <source>Appointment %1 is cancelled: its place is free again.</source>
        <translation>Appointment %1 is cancelled: its place is free again.</translation>
    </message>
</context>
<context>
    <name>BadRatingsBox</name>
    <message>
        <source>Bad ratings (Ctrl+B; Alt+G raises a complaint)</source>
        <translation>Bad ratings (Ctrl+B; Alt+G raises a complaint)</translation>
    </message>
    <message>
        <source>Bad ratings</source>
        <translation>Bad ratings</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Rated from (day)</source>
        <translation>Rated from (day)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Rated to (day)</source>
        <translation>Rated to (day)</translation>
    </message>
    <message>
        <source>Department of the window</source>
        <translation>Department of the window</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>e.g. GA</translation>
    </message>
    <message>
        <source>Followed up or not</source>
        <translation>Followed up or not</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>Number %1, please go to window %2</source>
        <extracomment>The headline&apos;s panel and the tiles of the windows. Today&apos;s calls, oldest first. The calls handed to the voice, in order (what the hall heard).</extracomment>
        <translation>Number %1, please go to window %2</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <source>Call panel — %1</source>
        <translation>Call panel — %1</translation>
    </message>
    <message>
        <source>Now calling</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <source>Please wait for your number to be called</source>
        <translation>Please wait for your number to be called</translation>
    </message>
    <message>
        <source>Called again</source>
        <translation>Called again</translation>
    </message>
    <message>
        <source>Current call</source>
        <translation>Current call</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <source>Now serving at each window</source>
        <translation>Now serving at each window</translation>
    </message>
    <message>
        <source>Listen for your number, or watch this screen.</source>
        <translation>Listen for your number, or watch this screen.</translation>
    </message>
    <message>
        <source>Calls are not arriving: %1</source>
        <translation>Calls are not arriving: %1</translation>
    </message>
</context>
<context>
    <name>CallingBar</name>
    <message>
        <source>Calling</source>
        <extracomment>The Idempotency-Key of each step not yet answered, by (action, ticket, body): the step pressed again after a lost answer is sent with the same key.</extracomment>
        <translation>Calling</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>Call &amp;next</source>
        <translation>Call &amp;next</translation>
    </message>
    <message>
        <source>&amp;Recall</source>
        <translation>&amp;Recall</translation>
    </message>
    <message>
        <source>Call a ticket by &amp;number…</source>
        <translation>Call a ticket by &amp;number…</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transfer…</translation>
    </message>
    <message>
        <source>No-&amp;show</source>
        <translation>No-&amp;show</translation>
    </message>
    <message>
        <source>&amp;Finish the visit</source>
        <translation>&amp;Finish the visit</translation>
    </message>
    <message>
        <source>Resume the &amp;service</source>
        <translation>Resume the &amp;service</translation>
    </message>
    <message>
        <source>&amp;Pause the service…</source>
        <translation>&amp;Pause the service…</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>e.g. A012</source>
        <translation>e.g. A012</translation>
    </message>
    <message>
        <source>Ticket number to call</source>
        <translation>Ticket number to call</translation>
    </message>
    <message>
        <source>Type a ticket number and press Enter (F3)</source>
        <translation>Type a ticket number and press Enter (F3)</translation>
    </message>
    <message>
        <source>Ticket at the window</source>
        <translation>Ticket at the window</translation>
    </message>
    <message>
        <source>Service paused: %1</source>
        <translation>Service paused: %1</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>Serving %1</translation>
    </message>
    <message numerus="yes">
        <source>called %n more time(s)</source>
        <translation>
            <numerusform>called %n more time(s)</numerusform>
            <numerusform>called %n more time(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>cases: %1</source>
        <translation>cases: %1</translation>
    </message>
    <message>
        <source>No ticket at the window. Press F6 to call the next.</source>
        <translation>No ticket at the window. Press F6 to call the next.</translation>
    </message>
    <message>
        <source>“%1” is not a ticket number: type a letter and up to three digits, e.g. A012.</source>
        <translation>“%1” is not a ticket number: type a letter and up to three digits, e.g. A012.</translation>
    </message>
    <message>
        <source>Nobody is waiting for this window&apos;s categories.</source>
        <translation>Nobody is waiting for this window&apos;s categories.</translation>
    </message>
    <message>
        <source>Ticket %1 is still at the window: finish it (F7) or mark it a no-show (Shift+F7) first.</source>
        <translation>Ticket %1 is still at the window: finish it (F7) or mark it a no-show (Shift+F7) first.</translation>
    </message>
    <message>
        <source>The service is paused: resume it first (Ctrl+F7).</source>
        <translation>The service is paused: resume it first (Ctrl+F7).</translation>
    </message>
    <message>
        <source>This window serves no queue category yet; the shift lead sets them.</source>
        <translation>This window serves no queue category yet; the shift lead sets them.</translation>
    </message>
    <message>
        <source>Ticket %1 is of a category this window does not serve (or was sent to another window).</source>
        <translation>Ticket %1 is of a category this window does not serve (or was sent to another window).</translation>
    </message>
    <message>
        <source>Ticket %1 is not waiting: it was called or served already.</source>
        <translation>Ticket %1 is not waiting: it was called or served already.</translation>
    </message>
    <message>
        <source>There is no ticket %1 today.</source>
        <translation>There is no ticket %1 today.</translation>
    </message>
    <message>
        <source>Ticket %1 is not at this window now.</source>
        <translation>Ticket %1 is not at this window now.</translation>
    </message>
    <message>
        <source>That window is closed (paused, or it serves no category): choose another.</source>
        <translation>That window is closed (paused, or it serves no category): choose another.</translation>
    </message>
    <message>
        <source>The service was paused already.</source>
        <translation>The service was paused already.</translation>
    </message>
    <message>
        <source>The service was not paused.</source>
        <translation>The service was not paused.</translation>
    </message>
    <message>
        <source>You are signed in for another window.</source>
        <translation>You are signed in for another window.</translation>
    </message>
    <message>
        <source>Calling needs the records service: sign in again online.</source>
        <translation>Calling needs the records service: sign in again online.</translation>
    </message>
    <message>
        <source>Ticket %1 is at the window: going on with it.</source>
        <translation>Ticket %1 is at the window: going on with it.</translation>
    </message>
    <message>
        <source>Calling %1.</source>
        <translation>Calling %1.</translation>
    </message>
    <message>
        <source>No ticket at the window.</source>
        <translation>No ticket at the window.</translation>
    </message>
    <message>
        <source>Calling %1 again.</source>
        <translation>Calling %1 again.</translation>
    </message>
    <message>
        <source>%1 marked as not come.</source>
        <translation>%1 marked as not come.</translation>
    </message>
    <message>
        <source>%1 transferred: it waits as %2, keeping its place.</source>
        <translation>%1 transferred: it waits as %2, keeping its place.</translation>
    </message>
    <message>
        <source>Visit %1 finished.</source>
        <translation>Visit %1 finished.</translation>
    </message>
    <message>
        <source>Service resumed.</source>
        <translation>Service resumed.</translation>
    </message>
    <message>
        <source>Case %1 is part of visit %2; the applicant rates the visit at Finish.</source>
        <translation>Case %1 is part of visit %2; the applicant rates the visit at Finish.</translation>
    </message>
    <message>
        <source>The applicant&apos;s rating of visit %1 is saved.</source>
        <translation>The applicant&apos;s rating of visit %1 is saved.</translation>
    </message>
    <message>
        <source>The rating could not be saved: %1</source>
        <translation>The rating could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>CardReader</name>
    <message>
        <source>The ID card reader&apos;s software (the library named in the provisioning file) is missing or cannot be loaded. Type the ID number, and call IT support.</source>
        <translation>The ID card reader&apos;s software (the library named in the provisioning file) is missing or cannot be loaded. Type the ID number, and call IT support.</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s software is 32-bit and cannot be loaded by this 64-bit program. Type the ID number for now, and call IT support: with [idcard] mode = &quot;helper&quot; in the provisioning file the desk reads the card through its 32-bit helper program (README, &quot;Devices on the counter&quot;).</source>
        <translation>The ID card reader&apos;s software is 32-bit and cannot be loaded by this 64-bit program. Type the ID number for now, and call IT support: with [idcard] mode = &quot;helper&quot; in the provisioning file the desk reads the card through its 32-bit helper program (README, &quot;Devices on the counter&quot;).</translation>
    </message>
    <message>
        <source>The library named for the ID card reader is not that kind of reader&apos;s software. Type the ID number, and call IT support.</source>
        <translation>The library named for the ID card reader is not that kind of reader&apos;s software. Type the ID number, and call IT support.</translation>
    </message>
    <message>
        <source>No ID card reader answers. Check its cable (USB), then try again.</source>
        <translation>No ID card reader answers. Check its cable (USB), then try again.</translation>
    </message>
    <message>
        <source>No card on the reader. Put the ID card flat on the reader and try again.</source>
        <translation>No card on the reader. Put the ID card flat on the reader and try again.</translation>
    </message>
    <message>
        <source>The card was taken away during the read. Leave it on the reader and try again.</source>
        <translation>The card was taken away during the read. Leave it on the reader and try again.</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s helper program (for its 32-bit software) is missing or cannot be started. Type the ID number, and call IT support.</source>
        <translation>The ID card reader&apos;s helper program (for its 32-bit software) is missing or cannot be started. Type the ID number, and call IT support.</translation>
    </message>
    <message>
        <source>The ID card reader&apos;s helper program stopped working. Try again (it is started anew); if it happens again, type the ID number and call IT support.</source>
        <translation>The ID card reader&apos;s helper program stopped working. Try again (it is started anew); if it happens again, type the ID number and call IT support.</translation>
    </message>
    <message>
        <source>The ID card reader did not answer in time. Check its cable (USB), then try again, or type the ID number.</source>
        <translation>The ID card reader did not answer in time. Check its cable (USB), then try again, or type the ID number.</translation>
    </message>
    <message>
        <source>The card could not be read. Try again, or type the ID number.</source>
        <translation>The card could not be read. Try again, or type the ID number.</translation>
    </message>
</context>
<context>
    <name>CardReaderPanel</name>
    <message>
        <source>Read ID card (F4)</source>
        <extracomment>A card&apos;s photo is 102 × 126 pixels; shown at twice that size. The role (``applicant`` / ``agent``) a card was read into.</extracomment>
        <translation>Read ID card (F4)</translation>
    </message>
    <message>
        <source>F4: read the card into the applicant; Shift+F4: into the agent</source>
        <translation>F4: read the card into the applicant; Shift+F4: into the agent</translation>
    </message>
    <message>
        <source>Photo on the ID card</source>
        <translation>Photo on the ID card</translation>
    </message>
    <message>
        <source>No card read</source>
        <translation>No card read</translation>
    </message>
    <message>
        <source>The photo needs the reader vendor&apos;s decoder library</source>
        <translation>The photo needs the reader vendor&apos;s decoder library</translation>
    </message>
    <message>
        <source>The card&apos;s photo cannot be shown by this reader&apos;s software</source>
        <translation>The card&apos;s photo cannot be shown by this reader&apos;s software</translation>
    </message>
</context>
<context>
    <name>CardsTab</name>
    <message>
        <source>Yellow card</source>
        <translation>Yellow card</translation>
    </message>
    <message>
        <source>Red card</source>
        <translation>Red card</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Window or department code</source>
        <translation>Window or department code</translation>
    </message>
    <message>
        <source>e.g. W01</source>
        <translation>e.g. W01</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>case numbers, comma-separated</source>
        <translation>case numbers, comma-separated</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>complaint numbers</source>
        <translation>complaint numbers</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>rating ids</source>
        <translation>rating ids</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Model window</source>
        <translation>Model window</translation>
    </message>
    <message>
        <source>What it did well</source>
        <translation>What it did well</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Model windows</source>
        <translation>Model windows</translation>
    </message>
    <message>
        <source>Warning card (Alt+I issues it)</source>
        <translation>Warning card (Alt+I issues it)</translation>
    </message>
    <message>
        <source>Behind it</source>
        <translation>Behind it</translation>
    </message>
    <message>
        <source>Model window of the month (Alt+M designates it)</source>
        <translation>Model window of the month (Alt+M designates it)</translation>
    </message>
    <message>
        <source>Alt+I: issue the card   Alt+M: designate   F5: reload</source>
        <translation>Alt+I: issue the card   Alt+M: designate   F5: reload</translation>
    </message>
    <message>
        <source>Card issued to %1.</source>
        <translation>Card issued to %1.</translation>
    </message>
    <message>
        <source>%1 is the model window of %2.</source>
        <translation>%1 is the model window of %2.</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Applicant:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>Query code:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Center:</source>
        <translation>Center:</translation>
    </message>
    <message>
        <source>Record  (Ctrl+Return)</source>
        <translation>Record  (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Events so far</source>
        <translation>Events so far</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Show full &amp;ID</source>
        <translation>Show full &amp;ID</translation>
    </message>
    <message>
        <source>Show the whole ID number; this is recorded in the audit log (Alt+I)</source>
        <translation>Show the whole ID number; this is recorded in the audit log (Alt+I)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>&amp;Missing:</source>
        <translation>&amp;Missing:</translation>
    </message>
    <message>
        <source>One material a line; what it must be after a colon</source>
        <translation>One material a line; what it must be after a colon</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Field:</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;New value:</translation>
    </message>
    <message>
        <source>Proc&amp;edure:</source>
        <translation>Proc&amp;edure:</translation>
    </message>
    <message>
        <source>O&amp;pinion:</source>
        <translation>O&amp;pinion:</translation>
    </message>
    <message>
        <source>The opinion; required when the action needs a reason</source>
        <translation>The opinion; required when the action needs a reason</translation>
    </message>
    <message>
        <source>Record the action (Ctrl+Return)</source>
        <translation>Record the action (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Record the action</source>
        <extracomment>The item&apos;s material code of a checklist entry.</extracomment>
        <translation>Record the action</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>Print notice…</translation>
    </message>
    <message>
        <source>Open the print preview of the notice (Ctrl+P)</source>
        <translation>Open the print preview of the notice (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>Print the notice</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chec&amp;klist:</source>
        <translation>Chec&amp;klist:</translation>
    </message>
    <message>
        <source>E&amp;xtras:</source>
        <translation>E&amp;xtras:</translation>
    </message>
    <message>
        <source>Tick each missing material with Space; the notice lists them all</source>
        <translation>Tick each missing material with Space; the notice lists them all</translation>
    </message>
    <message>
        <source>What the checklist does not name: one a line, what it must be after a colon</source>
        <translation>What the checklist does not name: one a line, what it must be after a colon</translation>
    </message>
    <message>
        <source>No case %1 on this desk</source>
        <translation>No case %1 on this desk</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>recorded at the center</source>
        <translation>recorded at the center</translation>
    </message>
    <message>
        <source>refused by the center</source>
        <translation>refused by the center</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>— choose the next action —</source>
        <translation>— choose the next action —</translation>
    </message>
    <message>
        <source>This part&apos;s stage has not opened yet: it is worked once it opens.</source>
        <translation>This part&apos;s stage has not opened yet: it is worked once it opens.</translation>
    </message>
    <message>
        <source>Case %1 at center %2: %3</source>
        <translation>Case %1 at center %2: %3</translation>
    </message>
    <message>
        <source>, completed on %1</source>
        <translation>, completed on %1</translation>
    </message>
    <message>
        <source>Forwarded to center %1; its case number shows after the next sync</source>
        <translation>Forwarded to center %1; its case number shows after the next sync</translation>
    </message>
    <message>
        <source>Center above:</source>
        <translation>Center above:</translation>
    </message>
    <message>
        <source>Center above</source>
        <translation>Center above</translation>
    </message>
    <message>
        <source>joint case %1, stage %2</source>
        <translation>joint case %1, stage %2</translation>
    </message>
    <message>
        <source>waiting for its stage</source>
        <translation>waiting for its stage</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>%n working day overdue</numerusform>
            <numerusform>%n working days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>to center %1</source>
        <translation>to center %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Choose the action to record.</source>
        <translation>Choose the action to record.</translation>
    </message>
    <message>
        <source>No action is possible for this case now.</source>
        <translation>No action is possible for this case now.</translation>
    </message>
    <message>
        <source>Write the opinion: this action needs a reason.</source>
        <translation>Write the opinion: this action needs a reason.</translation>
    </message>
    <message>
        <source>Tick every missing material on the checklist (Space), or type it under Extras.</source>
        <translation>Tick every missing material on the checklist (Space), or type it under Extras.</translation>
    </message>
    <message>
        <source>Tick every material the part still needs on the checklist (Space), or type it under Extras.</source>
        <translation>Tick every material the part still needs on the checklist (Space), or type it under Extras.</translation>
    </message>
    <message>
        <source>Write the reason for forwarding the case under Opinion.</source>
        <translation>Write the reason for forwarding the case under Opinion.</translation>
    </message>
    <message>
        <source>Not forwarded.</source>
        <translation>Not forwarded.</translation>
    </message>
    <message>
        <source>The applicant is asked to rate this visit.</source>
        <translation>The applicant is asked to rate this visit.</translation>
    </message>
    <message>
        <source>Enter the corrected value.</source>
        <translation>Enter the corrected value.</translation>
    </message>
    <message>
        <source>The case&apos;s history</source>
        <translation>The case&apos;s history</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The case changed meanwhile; this action is no longer possible.</source>
        <translation>The case changed meanwhile; this action is no longer possible.</translation>
    </message>
    <message>
        <source>Recorded: %1. Status now: %2.</source>
        <translation>Recorded: %1. Status now: %2.</translation>
    </message>
    <message>
        <source>Notice %1 saved; Ctrl+P prints it.</source>
        <translation>Notice %1 saved; Ctrl+P prints it.</translation>
    </message>
    <message>
        <source>The notice could not be written: %1</source>
        <translation>The notice could not be written: %1</translation>
    </message>
</context>
<context>
    <name>CaseDocuments</name>
    <message>
        <source>Acceptance notice</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>Supplement notice</source>
        <translation>Supplement notice</translation>
    </message>
    <message>
        <source>Deferred-materials acceptance</source>
        <translation>Deferred-materials acceptance</translation>
    </message>
    <message>
        <source>Deferred material received</source>
        <translation>Deferred material received</translation>
    </message>
    <message>
        <source>Deferred acceptance ended</source>
        <translation>Deferred acceptance ended</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <source>Forwarding notice</source>
        <translation>Forwarding notice</translation>
    </message>
    <message>
        <source>Completion notice</source>
        <translation>Completion notice</translation>
    </message>
    <message>
        <source>Fee notice</source>
        <translation>Fee notice</translation>
    </message>
    <message>
        <source>Void notice</source>
        <translation>Void notice</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>Correction notice</translation>
    </message>
    <message>
        <source>Commitment letter</source>
        <translation>Commitment letter</translation>
    </message>
    <message>
        <source>Joint acceptance notice</source>
        <translation>Joint acceptance notice</translation>
    </message>
    <message>
        <source>Joint supplement notice</source>
        <translation>Joint supplement notice</translation>
    </message>
    <message>
        <source>Stage completion notice</source>
        <translation>Stage completion notice</translation>
    </message>
    <message>
        <source>Joint completion notice</source>
        <translation>Joint completion notice</translation>
    </message>
    <message>
        <source>Receipt slip (80 mm)</source>
        <translation>Receipt slip (80 mm)</translation>
    </message>
    <message>
        <source>Payment notice</source>
        <translation>Payment notice</translation>
    </message>
    <message>
        <source>Fiscal receipt (copy)</source>
        <translation>Fiscal receipt (copy)</translation>
    </message>
</context>
<context>
    <name>CaseDocumentsPanel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <source>No document has been issued for this case yet.</source>
        <translation>No document has been issued for this case yet.</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>&amp;Reprint…</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>&amp;Open PDF</translation>
    </message>
    <message>
        <source>This document was issued before its data was kept; open its PDF instead.</source>
        <translation>This document was issued before its data was kept; open its PDF instead.</translation>
    </message>
    <message>
        <source>Reprint (%1)</source>
        <translation>Reprint (%1)</translation>
    </message>
    <message>
        <source>This document cannot be rebuilt here; open its PDF instead.</source>
        <translation>This document cannot be rebuilt here; open its PDF instead.</translation>
    </message>
    <message>
        <source>Reprinting %1…</source>
        <translation>Reprinting %1…</translation>
    </message>
    <message>
        <source>Reprint of %1 saved as %2.</source>
        <translation>Reprint of %1 saved as %2.</translation>
    </message>
    <message>
        <source>The reprint was not made.</source>
        <translation>The reprint was not made.</translation>
    </message>
</context>
<context>
    <name>CaseForward</name>
    <message>
        <source>Forward to the center above</source>
        <translation>Forward to the center above</translation>
    </message>
    <message>
        <source>Forward the case</source>
        <translation>Forward the case</translation>
    </message>
    <message>
        <source>Forward case %1 to %2? It is handled there from then on.</source>
        <translation>Forward case %1 to %2? It is handled there from then on.</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Go back</translation>
    </message>
</context>
<context>
    <name>CaseMaterialsDialog</name>
    <message>
        <source>Scans of case %1</source>
        <translation>Scans of case %1</translation>
    </message>
</context>
<context>
    <name>CaseText</name>
    <message>
        <source>Subsistence allowance</source>
        <translation>Subsistence allowance</translation>
    </message>
    <message>
        <source>Destitute person</source>
        <translation>Destitute person</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Entitled group</source>
        <translation>Entitled group</translation>
    </message>
    <message>
        <source>Other rule</source>
        <translation>Other rule</translation>
    </message>
    <message>
        <source>Fee waiver of ¥%1 approved by lead %2 (notice %3, reason: %4)</source>
        <translation>Fee waiver of ¥%1 approved by lead %2 (notice %3, reason: %4)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>Completed (approved)</source>
        <translation>Completed (approved)</translation>
    </message>
    <message>
        <source>Completed (not approved)</source>
        <translation>Completed (not approved)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Accepted, materials to follow</source>
        <translation>Accepted, materials to follow</translation>
    </message>
    <message>
        <source>Start handling</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <source>Request supplement</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Deferred material supplied</source>
        <translation>Deferred material supplied</translation>
    </message>
    <message>
        <source>Deferred material not supplied</source>
        <translation>Deferred material not supplied</translation>
    </message>
    <message>
        <source>Suspend (special procedure)</source>
        <translation>Suspend (special procedure)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Complete: approved</source>
        <translation>Complete: approved</translation>
    </message>
    <message>
        <source>Complete: not approved</source>
        <translation>Complete: not approved</translation>
    </message>
    <message>
        <source>Withdrawn by the applicant</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Commitment verified: it holds</source>
        <translation>Commitment verified: it holds</translation>
    </message>
    <message>
        <source>Commitment found false: revoked</source>
        <translation>Commitment found false: revoked</translation>
    </message>
    <message>
        <source>Correct a field</source>
        <translation>Correct a field</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>File needs for the consolidated notice</source>
        <translation>File needs for the consolidated notice</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>On-site inspection</source>
        <translation>On-site inspection</translation>
    </message>
    <message>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <source>Expert review</source>
        <translation>Expert review</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>Applicant name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
</context>
<context>
    <name>CasesDialog</name>
    <message>
        <source>Cases of window %1</source>
        <translation>Cases of window %1</translation>
    </message>
    <message>
        <source>%1 cases received from %2 to %3</source>
        <translation>%1 cases received from %2 to %3</translation>
    </message>
    <message>
        <source>(the newest %1 shown)</source>
        <translation>(the newest %1 shown)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hall word</source>
        <translation>Hall word</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
</context>
<context>
    <name>CashierScreen</name>
    <message>
        <source>Settlement window — %1</source>
        <translation>Settlement window — %1</translation>
    </message>
    <message>
        <source>Scan or type the payment code or notice number, then Enter</source>
        <translation>Scan or type the payment code or notice number, then Enter</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>&amp;1 Cash</source>
        <translation>&amp;1 Cash</translation>
    </message>
    <message>
        <source>&amp;2 Bank card</source>
        <translation>&amp;2 Bank card</translation>
    </message>
    <message>
        <source>&amp;3 QR code</source>
        <translation>&amp;3 QR code</translation>
    </message>
    <message>
        <source>Amount received (yuan)</source>
        <translation>Amount received (yuan)</translation>
    </message>
    <message>
        <source>POS or bank reference (card, QR)</source>
        <translation>POS or bank reference (card, QR)</translation>
    </message>
    <message>
        <source>Waiting for the records service…</source>
        <translation>Waiting for the records service…</translation>
    </message>
    <message>
        <source>Payment code / notice no.</source>
        <translation>Payment code / notice no.</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>In capitals</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Ctrl+Enter: take the payment and print the receipt   F9: today&apos;s totals</source>
        <translation>Ctrl+Enter: take the payment and print the receipt   F9: today&apos;s totals</translation>
    </message>
    <message>
        <source>This notice was not pulled: type its item code and amount.</source>
        <translation>This notice was not pulled: type its item code and amount.</translation>
    </message>
    <message>
        <source>Scan or type a payment code first.</source>
        <translation>Scan or type a payment code first.</translation>
    </message>
    <message>
        <source>The amount received is not an amount (yuan, at most two decimals).</source>
        <translation>The amount received is not an amount (yuan, at most two decimals).</translation>
    </message>
    <message>
        <source>Paid. Receipt number %1.</source>
        <translation>Paid. Receipt number %1.</translation>
    </message>
    <message>
        <source>Paper receipt; sent to the center when the link is back.</source>
        <translation>Paper receipt; sent to the center when the link is back.</translation>
    </message>
    <message>
        <source>The receipt could not be printed: %1</source>
        <translation>The receipt could not be printed: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>%1: %2 payment(s), total ¥%3</source>
        <translation>%1: %2 payment(s), total ¥%3</translation>
    </message>
    <message>
        <source>No notice has this payment code or notice number.</source>
        <translation>No notice has this payment code or notice number.</translation>
    </message>
    <message>
        <source>This notice is paid already; it cannot be paid twice.</source>
        <translation>This notice is paid already; it cannot be paid twice.</translation>
    </message>
    <message>
        <source>This notice is cancelled; it cannot be paid.</source>
        <translation>This notice is cancelled; it cannot be paid.</translation>
    </message>
    <message>
        <source>The amount is not the notice&apos;s: a notice is paid in full at once.</source>
        <translation>The amount is not the notice&apos;s: a notice is paid in full at once.</translation>
    </message>
    <message>
        <source>The fiscal receipt platform cannot be reached; try again shortly.</source>
        <translation>The fiscal receipt platform cannot be reached; try again shortly.</translation>
    </message>
    <message>
        <source>The records service refused this payment.</source>
        <translation>The records service refused this payment.</translation>
    </message>
    <message>
        <source>Card and QR payments need the fiscal platform: take cash, or wait for the link.</source>
        <translation>Card and QR payments need the fiscal platform: take cash, or wait for the link.</translation>
    </message>
    <message>
        <source>The link dropped before the center answered: the payment is not confirmed. Ctrl+Enter again takes the cash on a paper receipt.</source>
        <translation>The link dropped before the center answered: the payment is not confirmed. Ctrl+Enter again takes the cash on a paper receipt.</translation>
    </message>
    <message>
        <source>Offline, a notice is found by its notice number (JK-…).</source>
        <translation>Offline, a notice is found by its notice number (JK-…).</translation>
    </message>
    <message>
        <source>This is not a notice number (JK-window-date-number).</source>
        <translation>This is not a notice number (JK-window-date-number).</translation>
    </message>
    <message>
        <source>The catalog has no fee for this item.</source>
        <translation>The catalog has no fee for this item.</translation>
    </message>
    <message>
        <source>The amount is not the item&apos;s fee standard in the catalog; take it when the link is back.</source>
        <translation>The amount is not the item&apos;s fee standard in the catalog; take it when the link is back.</translation>
    </message>
    <message>
        <source>This desk has no catalog yet: take it when the link is back.</source>
        <translation>This desk has no catalog yet: take it when the link is back.</translation>
    </message>
    <message>
        <source>No blank paper receipt of yours is left on this desk: ask for a range.</source>
        <translation>No blank paper receipt of yours is left on this desk: ask for a range.</translation>
    </message>
    <message>
        <source>Less than due received: a notice is not paid in part.</source>
        <translation>Less than due received: a notice is not paid in part.</translation>
    </message>
    <message>
        <source>Only cash gets change: card and QR take the amount due.</source>
        <translation>Only cash gets change: card and QR take the amount due.</translation>
    </message>
    <message>
        <source>A card or QR payment needs its reference.</source>
        <translation>A card or QR payment needs its reference.</translation>
    </message>
    <message>
        <source>This notice is paid or cancelled already.</source>
        <translation>This notice is paid or cancelled already.</translation>
    </message>
    <message>
        <source>This payment breaks a fee rule.</source>
        <translation>This payment breaks a fee rule.</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <source>lead: %1</source>
        <translation>lead: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n department(s)</source>
        <translation>
            <numerusform>%n department</numerusform>
            <numerusform>%n departments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Catalog items</source>
        <translation>Catalog items</translation>
    </message>
    <message>
        <source>&amp;Service items</source>
        <extracomment>Caption of the catalog list; Alt+S (or Ctrl+F) jumps to the search line.</extracomment>
        <translation>&amp;Service items</translation>
    </message>
    <message>
        <source>Name, code, department or pinyin (sfz)</source>
        <translation>Name, code, department or pinyin (sfz)</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+F): item name, item code, department, or pinyin — initials such as sfz for 身份证, or full pinyin. Down/Up choose, Enter opens the item.</source>
        <translation>Search the catalog (Ctrl+F): item name, item code, department, or pinyin — initials such as sfz for 身份证, or full pinyin. Down/Up choose, Enter opens the item.</translation>
    </message>
    <message>
        <source>Packages (marked One thing or Project) are found by name, code or pinyin; Enter on one opens the joint intake.</source>
        <translation>Packages (marked One thing or Project) are found by name, code or pinyin; Enter on one opens the joint intake.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commitment</name>
    <message>
        <source>Material {code} ({name}) cannot be replaced by a commitment.</source>
        <translation>Material {code} ({name}) cannot be replaced by a commitment.</translation>
    </message>
    <message>
        <source>This item cannot be granted on a commitment as a whole.</source>
        <translation>This item cannot be granted on a commitment as a whole.</translation>
    </message>
    <message>
        <source>A written commitment goes only with accepting the case.</source>
        <translation>A written commitment goes only with accepting the case.</translation>
    </message>
    <message>
        <source>The applicant is on the serious-dishonesty list: no commitment; the certificates are needed.</source>
        <translation>The applicant is on the serious-dishonesty list: no commitment; the certificates are needed.</translation>
    </message>
    <message>
        <source>Query the serious-dishonesty list before accepting a commitment.</source>
        <translation>Query the serious-dishonesty list before accepting a commitment.</translation>
    </message>
</context>
<context>
    <name>CommitmentPanel</name>
    <message>
        <source>Written commitment (告知承诺)</source>
        <translation>Written commitment (告知承诺)</translation>
    </message>
    <message>
        <source>The applicant chose a commitment for the whole item (&amp;J)</source>
        <extracomment>The applicant asks for the whole item on a written commitment; Alt+J.</extracomment>
        <translation>The applicant chose a commitment for the whole item (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Queried the serious-dishonesty list:</source>
        <translation>&amp;Queried the serious-dishonesty list:</translation>
    </message>
    <message>
        <source>not queried yet</source>
        <translation>not queried yet</translation>
    </message>
    <message>
        <source>queried: not listed</source>
        <translation>queried: not listed</translation>
    </message>
    <message>
        <source>queried: listed (no commitment possible)</source>
        <translation>queried: listed (no commitment possible)</translation>
    </message>
    <message>
        <source>Only at the applicant&apos;s own request: mark a certificate with C in the checklist. A commitment letter is printed for signing; the department verifies it later.</source>
        <translation>Only at the applicant&apos;s own request: mark a certificate with C in the checklist. A commitment letter is printed for signing; the department verifies it later.</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>Take in a complaint (Ctrl+N; Ctrl+Return takes it in)</source>
        <translation>Take in a complaint (Ctrl+N; Ctrl+Return takes it in)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>phone, for the call-back</source>
        <translation>phone, for the call-back</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Window, department, clerk or case</source>
        <translation>Window, department, clerk or case</translation>
    </message>
    <message>
        <source>e.g. W01</source>
        <translation>e.g. W01</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Raised from a bad rating</source>
        <extracomment>One Idempotency-Key per complaint as typed: a retry after a lost answer sends the same key (the service answers with the complaint it took); an edited form, a new one.</extracomment>
        <translation>Raised from a bad rating</translation>
    </message>
    <message>
        <source>Rated %1 of 5: %2</source>
        <translation>Rated %1 of 5: %2</translation>
    </message>
    <message>
        <source>From the bad rating of %1 at %2 (case %3)</source>
        <translation>From the bad rating of %1 at %2 (case %3)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflict with the center — case %1</source>
        <translation>Conflict with the center — case %1</translation>
    </message>
    <message>
        <source>The center changed this case while this desk had changes of it that did not get there. Nothing is lost: choose which version stands.</source>
        <translation>The center changed this case while this desk had changes of it that did not get there. Nothing is lost: choose which version stands.</translation>
    </message>
    <message>
        <source>On this desk</source>
        <translation>On this desk</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>At the center</source>
        <translation>At the center</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Keep the &amp;center&apos;s</source>
        <translation>Keep the &amp;center&apos;s</translation>
    </message>
    <message>
        <source>Void this desk&apos;s events of the case and take the center&apos;s version (Alt+C)</source>
        <translation>Void this desk&apos;s events of the case and take the center&apos;s version (Alt+C)</translation>
    </message>
    <message>
        <source>&amp;Resend mine</source>
        <translation>&amp;Resend mine</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Decide &amp;later</translation>
    </message>
    <message>
        <source>Close; the conflict stays listed (Esc)</source>
        <translation>Close; the conflict stays listed (Esc)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>This conflict has been decided already.</source>
        <translation>This conflict has been decided already.</translation>
    </message>
    <message>
        <source>Applicant: %1, %2</source>
        <translation>Applicant: %1, %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>Not possible: after “%1” at the center the lifecycle no longer allows this desk&apos;s events.</source>
        <translation>Not possible: after “%1” at the center the lifecycle no longer allows this desk&apos;s events.</translation>
    </message>
    <message>
        <source>Send this desk&apos;s events again on top of the center&apos;s version; the case becomes “%1” (Alt+R)</source>
        <translation>Send this desk&apos;s events again on top of the center&apos;s version; the case becomes “%1” (Alt+R)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connection…</source>
        <translation>Connection…</translation>
    </message>
    <message>
        <source>last contact %1</source>
        <translation>last contact %1</translation>
    </message>
    <message>
        <source>clock off by %1 min</source>
        <translation>clock off by %1 min</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>no device token</source>
        <translation>no device token</translation>
    </message>
    <message>
        <source>a clerk of this window signing in online restores it (F8)</source>
        <translation>a clerk of this window signing in online restores it (F8)</translation>
    </message>
    <message>
        <source>press F8</source>
        <translation>press F8</translation>
    </message>
    <message>
        <source>Show the connection to the records service</source>
        <translation>Show the connection to the records service</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Connection to the records service</source>
        <translation>Connection to the records service</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>Waiting to be sent:</translation>
    </message>
    <message>
        <source>Last contact:</source>
        <translation>Last contact:</translation>
    </message>
    <message>
        <source>Clock:</source>
        <translation>Clock:</translation>
    </message>
    <message>
        <source>Rejected by the service (not sent again):</source>
        <translation>Rejected by the service (not sent again):</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>Rejected records</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Changed at the center while this desk had unsent changes (decide):</source>
        <translation>Changed at the center while this desk had unsent changes (decide):</translation>
    </message>
    <message>
        <source>On this desk</source>
        <translation>On this desk</translation>
    </message>
    <message>
        <source>At the center</source>
        <translation>At the center</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>Re&amp;solve…</translation>
    </message>
    <message>
        <source>Compare this desk&apos;s version with the center&apos;s and decide (Alt+S, or Enter)</source>
        <translation>Compare this desk&apos;s version with the center&apos;s and decide (Alt+S, or Enter)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>Joint case</translation>
    </message>
    <message>
        <source>Case action</source>
        <translation>Case action</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Payment notice</source>
        <translation>Payment notice</translation>
    </message>
    <message>
        <source>Payment notice cancelled</source>
        <translation>Payment notice cancelled</translation>
    </message>
    <message>
        <source>Payment taken offline (paper receipt)</source>
        <translation>Payment taken offline (paper receipt)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Audit record</source>
        <translation>Audit record</translation>
    </message>
    <message>
        <source>Scanned page</source>
        <translation>Scanned page</translation>
    </message>
    <message>
        <source>Other record</source>
        <translation>Other record</translation>
    </message>
    <message>
        <source>Scanned page %1 of “%2”</source>
        <translation>Scanned page %1 of “%2”</translation>
    </message>
    <message>
        <source>The page is too large for the center: %1 KB, and a page may have at most %2 KB. It stays on this desk; the case itself reached the center.</source>
        <translation>The page is too large for the center: %1 KB, and a page may have at most %2 KB. It stays on this desk; the case itself reached the center.</translation>
    </message>
    <message>
        <source>With this page the case&apos;s scans would pass the center&apos;s limit of %1 KB per case. It stays on this desk; the case itself reached the center.</source>
        <translation>With this page the case&apos;s scans would pass the center&apos;s limit of %1 KB per case. It stays on this desk; the case itself reached the center.</translation>
    </message>
    <message>
        <source>This desk cannot read the page (missing or damaged), so it cannot be sent. Call IT support.</source>
        <translation>This desk cannot read the page (missing or damaged), so it cannot be sent. Call IT support.</translation>
    </message>
    <message>
        <source>The center refused the page: %1</source>
        <translation>The center refused the page: %1</translation>
    </message>
    <message>
        <source>%1 of %2 KB at the center; it goes on from there</source>
        <translation>%1 of %2 KB at the center; it goes on from there</translation>
    </message>
    <message>
        <source>Sending stopped: this desk has no device token, so nothing taken in here reaches the center. A clerk of this window signing in once while the records service can be reached restores sending; if it stays, call IT support.</source>
        <translation>Sending stopped: this desk has no device token, so nothing taken in here reaches the center. A clerk of this window signing in once while the records service can be reached restores sending; if it stays, call IT support.</translation>
    </message>
    <message>
        <source>Sending stopped: the records service no longer accepts this desk&apos;s sign-in (401). Sign out and sign in again.</source>
        <translation>Sending stopped: the records service no longer accepts this desk&apos;s sign-in (401). Sign out and sign in again.</translation>
    </message>
    <message>
        <source>Sending stopped: the records service needs a newer version of this client (426). Call IT support to update it.</source>
        <translation>Sending stopped: the records service needs a newer version of this client (426). Call IT support to update it.</translation>
    </message>
    <message>
        <source>Sending stopped: the records service&apos;s certificate is not trusted. Call IT support (CA bundle in the provisioning file).</source>
        <translation>Sending stopped: the records service&apos;s certificate is not trusted. Call IT support (CA bundle in the provisioning file).</translation>
    </message>
    <message>
        <source>This desk has no device token of its own: it sends only on a clerk&apos;s online sign-in, and cases taken in under an offline sign-in or after signing out wait. A clerk of this window signing in once while the records service can be reached restores it; if it stays, call IT support (the window may have as many desks as it is allowed).</source>
        <translation>This desk has no device token of its own: it sends only on a clerk&apos;s online sign-in, and cases taken in under an offline sign-in or after signing out wait. A clerk of this window signing in once while the records service can be reached restores it; if it stays, call IT support (the window may have as many desks as it is allowed).</translation>
    </message>
    <message>
        <source>Device token:</source>
        <translation>Device token:</translation>
    </message>
    <message>
        <source>Waiting to be sent (oldest first):</source>
        <translation>Waiting to be sent (oldest first):</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>Why not sent yet</source>
        <translation>Why not sent yet</translation>
    </message>
    <message>
        <source>Retry &amp;now</source>
        <translation>Retry &amp;now</translation>
    </message>
    <message>
        <source>Send everything waiting now, and put the rejected items back in line</source>
        <translation>Send everything waiting now, and put the rejected items back in line</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing waiting</source>
        <translation>nothing waiting</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n other record</numerusform>
            <numerusform>%n other records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>No device token: sending stopped</source>
        <translation>No device token: sending stopped</translation>
    </message>
    <message>
        <source>Sending stopped</source>
        <translation>Sending stopped</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>expiry not known yet (learnt at its next renewal)</source>
        <translation>expiry not known yet (learnt at its next renewal)</translation>
    </message>
    <message>
        <source>valid until %1 (renewed by itself before then)</source>
        <translation>valid until %1 (renewed by itself before then)</translation>
    </message>
    <message>
        <source>cannot be compared while the service is not answering</source>
        <translation>cannot be compared while the service is not answering</translation>
    </message>
    <message>
        <source>not compared yet</source>
        <translation>not compared yet</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 minutes ahead of the service. Ask IT to correct it.</source>
        <translation>This computer&apos;s clock is %1 minutes ahead of the service. Ask IT to correct it.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 minutes behind the service. Ask IT to correct it.</source>
        <translation>This computer&apos;s clock is %1 minutes behind the service. Ask IT to correct it.</translation>
    </message>
    <message>
        <source>in step with the service</source>
        <translation>in step with the service</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>not tried yet</translation>
    </message>
    <message>
        <source>Waits for %1 to sign in at this desk (the desk has no device token)</source>
        <translation>Waits for %1 to sign in at this desk (the desk has no device token)</translation>
    </message>
</context>
<context>
    <name>DailyCloseDialog</name>
    <message>
        <source>Daily close — %1</source>
        <translation>Daily close — %1</translation>
    </message>
    <message>
        <source>Totals of the day</source>
        <translation>Totals of the day</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Cash counted in the drawer (yuan)</source>
        <translation>Cash counted in the drawer (yuan)</translation>
    </message>
    <message>
        <source>Deposit slip reference (解缴)</source>
        <translation>Deposit slip reference (解缴)</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <source>Cash &amp;counted</source>
        <translation>Cash &amp;counted</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>&amp;Deposit slip</source>
        <translation>&amp;Deposit slip</translation>
    </message>
    <message>
        <source>Ctrl+Enter: close the day and print the sheet   Esc: back</source>
        <translation>Ctrl+Enter: close the day and print the sheet   Esc: back</translation>
    </message>
    <message>
        <source>The cash counted is not an amount (yuan, at most two decimals).</source>
        <translation>The cash counted is not an amount (yuan, at most two decimals).</translation>
    </message>
    <message>
        <source>Type the deposit slip&apos;s reference (解缴).</source>
        <translation>Type the deposit slip&apos;s reference (解缴).</translation>
    </message>
    <message>
        <source>The day is closed. Its payments are frozen.</source>
        <translation>The day is closed. Its payments are frozen.</translation>
    </message>
    <message>
        <source>The sheet could not be printed: %1</source>
        <translation>The sheet could not be printed: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>All payments</source>
        <translation>All payments</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>Department %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Used (%1): %2
Voided (%3): %4</source>
        <translation>Used (%1): %2
Voided (%3): %4</translation>
    </message>
    <message>
        <source>This day is closed (日结); nothing of it can change.</source>
        <translation>This day is closed (日结); nothing of it can change.</translation>
    </message>
    <message>
        <source>Over (长款) ¥%1</source>
        <translation>Over (长款) ¥%1</translation>
    </message>
    <message>
        <source>Short (短款) ¥%1</source>
        <translation>Short (短款) ¥%1</translation>
    </message>
    <message>
        <source>Even (无长短款)</source>
        <translation>Even (无长短款)</translation>
    </message>
    <message>
        <source>F7: void a spoilt receipt   F10: daily close (日结)</source>
        <translation>F7: void a spoilt receipt   F10: daily close (日结)</translation>
    </message>
    <message>
        <source>Today is closed (日结): no more payments can be taken today.</source>
        <translation>Today is closed (日结): no more payments can be taken today.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Shift lead dashboard</source>
        <translation>Shift lead dashboard</translation>
    </message>
    <message>
        <source>This account cannot open the shift lead dashboard: it is for shift leads and admins only. Sign in with a lead account, or ask an admin for the lead role.</source>
        <translation>This account cannot open the shift lead dashboard: it is for shift leads and admins only. Sign in with a lead account, or ask an admin for the lead role.</translation>
    </message>
    <message>
        <source>Volume per window</source>
        <translation>Volume per window</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Status mix</source>
        <translation>Status mix</translation>
    </message>
    <message>
        <source>Trend per day</source>
        <translation>Trend per day</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Avg. working days</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <source>Immediate share</source>
        <translation>Immediate share</translation>
    </message>
    <message>
        <source>Promised share</source>
        <translation>Promised share</translation>
    </message>
    <message>
        <source>Refusal reasons</source>
        <translation>Refusal reasons</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>The records service does not let this account see these figures. Only shift leads (their own department) and admins may.</source>
        <translation>The records service does not let this account see these figures. Only shift leads (their own department) and admins may.</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>Loading figures…</translation>
    </message>
    <message>
        <source>Figures as of %1 · %2 s behind the latest</source>
        <translation>Figures as of %1 · %2 s behind the latest</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>Figures as of %1</translation>
    </message>
    <message>
        <source>No figures: %1</source>
        <translation>No figures: %1</translation>
    </message>
    <message>
        <source>STALE — figures as of %1, not refreshed: %2</source>
        <translation>STALE — figures as of %1, not refreshed: %2</translation>
    </message>
    <message>
        <source>Window clerk</source>
        <translation>Window clerk</translation>
    </message>
    <message>
        <source>Shift lead</source>
        <translation>Shift lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Hall screen</source>
        <translation>Hall screen</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Shift lead dashboard — Window Clerk</source>
        <translation>Shift lead dashboard — Window Clerk</translation>
    </message>
    <message>
        <source>&amp;Workload</source>
        <translation>&amp;Workload</translation>
    </message>
    <message>
        <source>&amp;Sync supervision</source>
        <translation>&amp;Sync supervision</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;People</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Sync supervision</source>
        <translation>Sync supervision</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Joint approval</source>
        <translation>Joint approval</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Export to &amp;CSV…</source>
        <translation>Export to &amp;CSV…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel (XLSX)…</source>
        <translation>Export to &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Request a &amp;refund…</source>
        <translation>Request a &amp;refund…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Switch lan&amp;guage (中文 / English)</source>
        <translation>Switch lan&amp;guage (中文 / English)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Cases of the selected &amp;window</source>
        <translation>Cases of the selected &amp;window</translation>
    </message>
    <message>
        <source>&amp;Joint approval</source>
        <translation>&amp;Joint approval</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Queue</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>This &amp;week</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>This &amp;month</translation>
    </message>
    <message>
        <source>Date &amp;range</source>
        <translation>Date &amp;range</translation>
    </message>
    <message>
        <source>Per wi&amp;ndow</source>
        <translation>Per wi&amp;ndow</translation>
    </message>
    <message>
        <source>Per &amp;department</source>
        <translation>Per &amp;department</translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation>&amp;Connection details…</translation>
    </message>
    <message>
        <source>Choose a window in the table first.</source>
        <translation>Choose a window in the table first.</translation>
    </message>
    <message>
        <source>Loading the cases of %1…</source>
        <translation>Loading the cases of %1…</translation>
    </message>
    <message>
        <source>No such window among yours: shift leads see their own department&apos;s windows.</source>
        <translation>No such window among yours: shift leads see their own department&apos;s windows.</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Export to CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>No figures to export yet.</source>
        <translation>No figures to export yet.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>To follow:</source>
        <translation>To follow:</translation>
    </message>
    <message>
        <source>&amp;Supply by:</source>
        <translation>&amp;Supply by:</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>Missing:</translation>
    </message>
    <message>
        <source>Details for the applicant</source>
        <extracomment>上报: the center above on the records service (code, name; issue 20), if any.</extracomment>
        <translation>Details for the applicant</translation>
    </message>
    <message>
        <source>Center above: %1 (%2)</source>
        <translation>Center above: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Detail&amp;s:</source>
        <translation>Detail&amp;s:</translation>
    </message>
    <message>
        <source>Legal &amp;basis:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <source>Authorit&amp;y:</source>
        <translation>Authorit&amp;y:</translation>
    </message>
    <message>
        <source>&amp;Reason for forwarding:</source>
        <translation>&amp;Reason for forwarding:</translation>
    </message>
    <message>
        <source>— choose: materials are missing —</source>
        <translation>— choose: materials are missing —</translation>
    </message>
    <message>
        <source>none (nothing is accepted yet)</source>
        <translation>none (nothing is accepted yet)</translation>
    </message>
    <message>
        <source>%1 (today, on the spot)</source>
        <translation>%1 (today, on the spot)</translation>
    </message>
    <message>
        <source>%1 (%2 working days from today)</source>
        <translation>%1 (%2 working days from today)</translation>
    </message>
    <message>
        <source>Provisional: that year&apos;s holiday schedule is not published yet; the statutory holidays are counted, make-up working days are not known yet.</source>
        <translation>Provisional: that year&apos;s holiday schedule is not published yet; the statutory holidays are counted, make-up working days are not known yet.</translation>
    </message>
    <message>
        <source>No fee for this item.</source>
        <translation>No fee for this item.</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <source>(may be waived)</source>
        <translation>(may be waived)</translation>
    </message>
    <message>
        <source>— not charged: the application is not accepted</source>
        <translation>— not charged: the application is not accepted</translation>
    </message>
    <message>
        <source>Done today at the window; the acceptance receipt is printed.</source>
        <translation>Done today at the window; the acceptance receipt is printed.</translation>
    </message>
    <message>
        <source>Accepted; the acceptance receipt states the due date.</source>
        <translation>Accepted; the acceptance receipt states the due date.</translation>
    </message>
    <message>
        <source>The applicant signs the promise.
If the materials do not come by then, the case ends without approval.</source>
        <translation>The applicant signs the promise.
If the materials do not come by then, the case ends without approval.</translation>
    </message>
</context>
<context>
    <name>DepartmentInbox</name>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>12345 order</source>
        <translation>12345 order</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>To answer</translation>
    </message>
    <message>
        <source>Reopened: answer again</source>
        <translation>Reopened: answer again</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Sent back: redo</source>
        <translation>Sent back: redo</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>This was answered already.</source>
        <translation>This was answered already.</translation>
    </message>
    <message>
        <source>This complaint is closed: it cannot be answered.</source>
        <translation>This complaint is closed: it cannot be answered.</translation>
    </message>
    <message>
        <source>This is not waiting for the department&apos;s answer.</source>
        <translation>This is not waiting for the department&apos;s answer.</translation>
    </message>
    <message>
        <source>This is not your department&apos;s, or is gone.</source>
        <translation>This is not your department&apos;s, or is gone.</translation>
    </message>
    <message>
        <source>Only the department&apos;s lead extends a 12345 order.</source>
        <translation>Only the department&apos;s lead extends a 12345 order.</translation>
    </message>
    <message>
        <source>Type the answer (or the reason) first; a new deadline must be later.</source>
        <translation>Type the answer (or the reason) first; a new deadline must be later.</translation>
    </message>
    <message>
        <source>The inbox needs the connection to the center.</source>
        <translation>The inbox needs the connection to the center.</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>The center refused this.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Complaints and 12345 orders of the department</source>
        <extracomment>A call to the service is running (the list, an answer or an extension).</extracomment>
        <translation>Complaints and 12345 orders of the department</translation>
    </message>
    <message>
        <source>Complaints and 12345 orders to answer</source>
        <translation>Complaints and 12345 orders to answer</translation>
    </message>
    <message>
        <source>Answer, or reason for an extension</source>
        <translation>Answer, or reason for an extension</translation>
    </message>
    <message>
        <source>New &amp;deadline:</source>
        <translation>New &amp;deadline:</translation>
    </message>
    <message>
        <source>New deadline of the 12345 order</source>
        <translation>New deadline of the 12345 order</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>Wait: the last request is still being sent.</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <source>Sent back by the hotline to be redone: %1</source>
        <translation>Sent back by the hotline to be redone: %1</translation>
    </message>
    <message>
        <source>Complaints and &amp;12345 orders…</source>
        <translation>Complaints and &amp;12345 orders…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The answer (Ctrl+Return), or the reason for an extension (F4)</source>
        <translation>The answer (Ctrl+Return), or the reason for an extension (F4)</translation>
    </message>
    <message>
        <source>The answer (Ctrl+Return)</source>
        <translation>The answer (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Tab answer · Ctrl+Return send the answer · F4 extend (lead) · F5 refresh</source>
        <translation>Tab answer · Ctrl+Return send the answer · F4 extend (lead) · F5 refresh</translation>
    </message>
    <message>
        <source>Tab answer · Ctrl+Return send the answer · F5 refresh</source>
        <translation>Tab answer · Ctrl+Return send the answer · F5 refresh</translation>
    </message>
    <message>
        <source>Nothing is waiting for the department&apos;s answer.</source>
        <translation>Nothing is waiting for the department&apos;s answer.</translation>
    </message>
    <message>
        <source>Extended once already.</source>
        <translation>Extended once already.</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>Overdue %1</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Complaints/12345: %1 open, %2 overdue</source>
        <translation>Complaints/12345: %1 open, %2 overdue</translation>
    </message>
    <message>
        <source>%1 answered.</source>
        <translation>%1 answered.</translation>
    </message>
    <message>
        <source>%1: extension sent to the hotline.</source>
        <translation>%1: extension sent to the hotline.</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Loading the catalog…</source>
        <translation>Loading the catalog…</translation>
    </message>
    <message>
        <source>The catalog could not be loaded: %1 Press F5 to try again.</source>
        <translation>The catalog could not be loaded: %1 Press F5 to try again.</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>The settings could not be saved (%1). They apply until you quit.</source>
        <translation>The settings could not be saved (%1). They apply until you quit.</translation>
    </message>
    <message>
        <source>Down, Up</source>
        <translation>Down, Up</translation>
    </message>
    <message>
        <source>Move through the found items from the search line</source>
        <translation>Move through the found items from the search line</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Choose the item under the cursor</source>
        <translation>Choose the item under the cursor</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+letter</translation>
    </message>
    <message>
        <source>Open a menu or press a button by its underlined letter</source>
        <translation>Open a menu or press a button by its underlined letter</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Close a dialog</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Service center</source>
        <translation>Service center</translation>
    </message>
    <message>
        <source>Records service</source>
        <translation>Records service</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Local database</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>Settings folder</source>
        <translation>Settings folder</translation>
    </message>
    <message>
        <source>About Window Clerk</source>
        <translation>About Window Clerk</translation>
    </message>
    <message>
        <source>Intake client for the windows of a government service center.</source>
        <translation>Intake client for the windows of a government service center.</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <translation>Window Clerk</translation>
    </message>
    <message>
        <source>Case lookup is not available in this build.</source>
        <translation>Case lookup is not available in this build.</translation>
    </message>
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <source>Item disclosures</source>
        <translation>Item disclosures</translation>
    </message>
    <message>
        <source>What is accepted (scope and conditions)</source>
        <extracomment>The package shown (None when an item or nothing is), and its catalog.</extracomment>
        <translation>What is accepted (scope and conditions)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Promised time limit</source>
        <translation>Promised time limit</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Pick a service item on the left to see its disclosures.</source>
        <translation>Pick a service item on the left to see its disclosures.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <extracomment>Badge on demo catalog items: the data is an example, not a real rule.</extracomment>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>Conditions:</translation>
    </message>
    <message>
        <source>Not published.</source>
        <translation>Not published.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>original</source>
        <extracomment>A material handed in as the original document (原件).</extracomment>
        <translation>original</translation>
    </message>
    <message>
        <source>copy</source>
        <extracomment>A material handed in as a photocopy (复印件), not a number of copies.</extracomment>
        <translation>copy</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>if applicable</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <source>Free of charge</source>
        <extracomment>Fee standard of an item that charges nothing (不收费).</extracomment>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <source>Done on the spot</source>
        <translation>Done on the spot</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>statutory limit: %n working day(s)</source>
        <translation>
            <numerusform>statutory limit: %n working day</numerusform>
            <numerusform>statutory limit: %n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>Print a duplicate (副本)</source>
        <translation>Print a duplicate</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>Fiscal receipts</translation>
    </message>
    <message>
        <source>Refund vouchers</source>
        <translation>Refund vouchers</translation>
    </message>
    <message>
        <source>Daily-close sheets</source>
        <translation>Daily-close sheets</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <source>Documents kept at this desk</source>
        <translation>Documents kept at this desk</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Payer / cashier</source>
        <translation>Payer / cashier</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>&amp;Print duplicate (副本)</source>
        <translation>&amp;Print duplicate</translation>
    </message>
    <message>
        <source>Enter or Alt+P: print the selected one again, marked 副本</source>
        <translation>Enter or Alt+P: print the selected one again, marked 副本 / DUPLICATE</translation>
    </message>
    <message>
        <source>Choose a period that ends after it starts, at most 400 days.</source>
        <translation>Choose a period that ends after it starts, at most 400 days.</translation>
    </message>
    <message>
        <source>Nothing was issued at this desk in these days.</source>
        <translation>Nothing was issued at this desk in these days.</translation>
    </message>
    <message>
        <source>%1 document(s).</source>
        <translation>%1 document(s).</translation>
    </message>
    <message>
        <source>%1 kept document(s) cannot be read with this desk&apos;s key and are not listed.</source>
        <translation>%1 kept document(s) cannot be read with this desk&apos;s key and are not listed.</translation>
    </message>
    <message>
        <source>Fiscal receipt</source>
        <translation>Fiscal receipt</translation>
    </message>
    <message>
        <source>Refund voucher</source>
        <translation>Refund voucher</translation>
    </message>
    <message>
        <source>Daily-close sheet</source>
        <translation>Daily-close sheet</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>Choose a document first.</translation>
    </message>
    <message>
        <source>Printing a duplicate of %1…</source>
        <translation>Printing a duplicate of %1…</translation>
    </message>
    <message>
        <source>Duplicate of %1 made (the print is recorded).</source>
        <translation>Duplicate of %1 made (the print is recorded).</translation>
    </message>
    <message>
        <source>It could not be printed: %1</source>
        <translation>It could not be printed: %1</translation>
    </message>
    <message>
        <source>This document&apos;s kept copy cannot be read (damaged, or from another desk&apos;s key): no duplicate can be printed here.</source>
        <translation>This document&apos;s kept copy cannot be read (damaged, or from another desk&apos;s key): no duplicate can be printed here.</translation>
    </message>
    <message>
        <source>No duplicate was made: %1</source>
        <translation>No duplicate was made: %1</translation>
    </message>
    <message>
        <source>F8: print a duplicate (副本) of a receipt, voucher or close sheet</source>
        <translation>F8: print a duplicate of a receipt, voucher or close sheet</translation>
    </message>
</context>
<context>
    <name>FeeNoticePanel</name>
    <message>
        <source>Fees (缴款通知书)</source>
        <translation>Fees (payment notice)</translation>
    </message>
    <message>
        <source>Issue pa&amp;yment notice</source>
        <translation>Issue pa&amp;yment notice</translation>
    </message>
    <message>
        <source>Issue the payment notice of this case&apos;s fees and open its print preview</source>
        <translation>Issue the payment notice of this case&apos;s fees and open its print preview</translation>
    </message>
    <message>
        <source>&amp;Get payment code</source>
        <translation>&amp;Get payment code</translation>
    </message>
    <message>
        <source>Reason to cancel the notice (作废)</source>
        <translation>Reason to cancel the notice</translation>
    </message>
    <message>
        <source>Cancel the no&amp;tice</source>
        <translation>Cancel the no&amp;tice</translation>
    </message>
    <message>
        <source>Only before it is paid; the center is told</source>
        <translation>Only before it is paid; the center is told</translation>
    </message>
    <message>
        <source>&amp;Waiver (减免)…</source>
        <translation>&amp;Waiver…</translation>
    </message>
    <message>
        <source>Waive part of the fees for a listed reason</source>
        <translation>Waive part of the fees for a listed reason</translation>
    </message>
    <message>
        <source>&amp;Lead approves…</source>
        <translation>&amp;Lead approves…</translation>
    </message>
    <message>
        <source>A lead of the department signs in here to approve the waiver</source>
        <translation>A lead of the department signs in here to approve the waiver</translation>
    </message>
    <message>
        <source>Reprint the &amp;notice (副本)</source>
        <translation>Reprint the &amp;notice (copy)</translation>
    </message>
    <message>
        <source>Print the r&amp;eceipt copy (副本)</source>
        <translation>Print the r&amp;eceipt copy</translation>
    </message>
    <message>
        <source>The cashier&apos;s fiscal receipt from its electronic data, kept with the case</source>
        <translation>The cashier&apos;s fiscal receipt from its electronic data, kept with the case</translation>
    </message>
    <message>
        <source>Amount: ¥%1 (in capitals: %2)</source>
        <translation>Amount: ¥%1 (in capitals: %2)</translation>
    </message>
    <message>
        <source>Fee state: %1</source>
        <translation>Fee state: %1</translation>
    </message>
    <message>
        <source>unpaid (未缴费)</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <source>paid (已缴费)</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>waived (已减免)</source>
        <translation>waived</translation>
    </message>
    <message>
        <source>refunded (已退付)</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>no payment notice yet</source>
        <translation>no payment notice yet</translation>
    </message>
    <message>
        <source>Waiver ¥%1 (%2)</source>
        <translation>Waiver ¥%1 (%2)</translation>
    </message>
    <message>
        <source>: waits for a lead&apos;s approval (above ¥%1); the notice is issued after it.</source>
        <translation>: waits for a lead&apos;s approval (above ¥%1); the notice is issued after it.</translation>
    </message>
    <message>
        <source>: approved by the lead %1.</source>
        <translation>: approved by the lead %1.</translation>
    </message>
    <message>
        <source>: goes on the next notice.</source>
        <translation>: goes on the next notice.</translation>
    </message>
    <message>
        <source>electronic</source>
        <translation>electronic</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>paper</translation>
    </message>
    <message>
        <source>Fiscal receipt %1 No. %2 (%3), ¥%4, paid %5</source>
        <translation>Fiscal receipt %1 No. %2 (%3), ¥%4, paid %5</translation>
    </message>
    <message>
        <source>, check code %1</source>
        <translation>, check code %1</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>payment code not yet assigned</source>
        <translation>payment code not yet assigned</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Payment notice %1 issued: ¥%2 (%3).</source>
        <translation>Payment notice %1 issued: ¥%2 (%3).</translation>
    </message>
    <message>
        <source>The waiver waits for a lead&apos;s approval first.</source>
        <translation>The waiver waits for a lead&apos;s approval first.</translation>
    </message>
    <message>
        <source>This item&apos;s fees cannot be assessed here.</source>
        <translation>This item&apos;s fees cannot be assessed here.</translation>
    </message>
    <message>
        <source>Give the reason to cancel the notice.</source>
        <translation>Give the reason to cancel the notice.</translation>
    </message>
    <message>
        <source>Payment notice %1 cancelled.</source>
        <translation>Payment notice %1 cancelled.</translation>
    </message>
    <message>
        <source>This notice is paid already; it cannot be cancelled.</source>
        <translation>This notice is paid already; it cannot be cancelled.</translation>
    </message>
    <message>
        <source>The center has not assigned a payment code yet.</source>
        <translation>The center has not assigned a payment code yet.</translation>
    </message>
    <message>
        <source>The waiver waits for a lead&apos;s approval (Alt+L).</source>
        <translation>The waiver waits for a lead&apos;s approval (Alt+L).</translation>
    </message>
    <message>
        <source>The waiver goes on the notice issued next (Alt+Y).</source>
        <translation>The waiver goes on the notice issued next (Alt+Y).</translation>
    </message>
    <message>
        <source>Approved by %1: issue the notice (Alt+Y).</source>
        <translation>Approved by %1: issue the notice (Alt+Y).</translation>
    </message>
    <message>
        <source>Reprint of payment notice %1 saved.</source>
        <translation>Reprint of payment notice %1 saved.</translation>
    </message>
    <message>
        <source>Copy of receipt %1 No. %2 saved with the case.</source>
        <translation>Copy of receipt %1 No. %2 saved with the case.</translation>
    </message>
</context>
<context>
    <name>FinanceScreen</name>
    <message>
        <source>Settlement center finance — %1</source>
        <translation>Settlement center finance — %1</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Reconciliation</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>Note on the decision</source>
        <translation>Note on the decision</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Alt+A: approve and print the voucher   Alt+R: reject   F5: reload</source>
        <translation>Alt+A: approve and print the voucher   Alt+R: reject   F5: reload</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>By department</translation>
    </message>
    <message>
        <source>By item</source>
        <translation>By item</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>By payment method</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Alt+S: show the report   Ctrl+E: export CSV   Ctrl+Shift+E: export XLSX</source>
        <translation>Alt+S: show the report   Ctrl+E: export CSV   Ctrl+Shift+E: export XLSX</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>Bank statement</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>In the bank&apos;s file, not among the payments:</source>
        <translation>In the bank&apos;s file, not among the payments:</translation>
    </message>
    <message>
        <source>Card and QR payments not in the bank&apos;s file:</source>
        <translation>Card and QR payments not in the bank&apos;s file:</translation>
    </message>
    <message>
        <source>Alt+O: choose the bank&apos;s CSV (columns reference, amount, date)</source>
        <translation>Alt+O: choose the bank&apos;s CSV (columns reference, amount, date)</translation>
    </message>
    <message>
        <source>No refund request is waiting.</source>
        <translation>No refund request is waiting.</translation>
    </message>
    <message>
        <source>Choose a refund request first.</source>
        <translation>Choose a refund request first.</translation>
    </message>
    <message>
        <source>This request is decided already.</source>
        <translation>This request is decided already.</translation>
    </message>
    <message>
        <source>The records service refused the decision.</source>
        <translation>The records service refused the decision.</translation>
    </message>
    <message>
        <source>Refund of %1 rejected.</source>
        <translation>Refund of %1 rejected.</translation>
    </message>
    <message>
        <source>Refund of ¥%1 for %2 approved; voucher %3.</source>
        <translation>Refund of ¥%1 for %2 approved; voucher %3.</translation>
    </message>
    <message>
        <source>The voucher could not be printed: %1</source>
        <translation>The voucher could not be printed: %1</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>Refunded (yuan)</translation>
    </message>
    <message>
        <source>Choose a period of at most 400 days, its start before its end.</source>
        <translation>Choose a period of at most 400 days, its start before its end.</translation>
    </message>
    <message>
        <source>%1 payment(s), ¥%2, refunded ¥%3.</source>
        <translation>%1 payment(s), ¥%2, refunded ¥%3.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Fees collected %1 to %2</source>
        <translation>Fees collected %1 to %2</translation>
    </message>
    <message>
        <source>Show a report first (Alt+S).</source>
        <translation>Show a report first (Alt+S).</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>The bank&apos;s or POS&apos;s transactions</source>
        <translation>The bank&apos;s or POS&apos;s transactions</translation>
    </message>
    <message>
        <source>The bank&apos;s file was not read: it needs the columns reference, amount (yuan) and date, and a period of at most 400 days.</source>
        <translation>The bank&apos;s file was not read: it needs the columns reference, amount (yuan) and date, and a period of at most 400 days.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>%1 matched; %2 line(s) of the bank and %3 payment(s) unmatched.</source>
        <translation>%1 matched; %2 line(s) of the bank and %3 payment(s) unmatched.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up this window</source>
        <translation>Set up this window</translation>
    </message>
    <message>
        <source>Records service address:</source>
        <translation>Records service address:</translation>
    </message>
    <message>
        <source>Center CA certificate (optional):</source>
        <translation>Center CA certificate (optional):</translation>
    </message>
    <message>
        <source>Center code:</source>
        <translation>Center code:</translation>
    </message>
    <message>
        <source>Center name:</source>
        <translation>Center name:</translation>
    </message>
    <message>
        <source>Window code:</source>
        <translation>Window code:</translation>
    </message>
    <message>
        <source>Window name (optional):</source>
        <translation>Window name (optional):</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Enrolment code (optional):</source>
        <translation>&amp;Enrolment code (optional):</translation>
    </message>
    <message>
        <source>A one-time code from IT (clerk-records enrol): a desk code lets this PC send its cases before anyone signs in; a display code makes this PC a hall screen.</source>
        <translation>A one-time code from IT (clerk-records enrol): a desk code lets this PC send its cases before anyone signs in; a display code makes this PC a hall screen.</translation>
    </message>
    <message>
        <source>Check report</source>
        <translation>Check report</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>No provisioning file was found. Enter the window&apos;s set-up from IT; it is checked with the records service before it is saved.</source>
        <translation>No provisioning file was found. Enter the window&apos;s set-up from IT; it is checked with the records service before it is saved.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <extracomment>Something that says a message in the UI&apos;s language (called again when it changes).</extracomment>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Center CA certificate</source>
        <translation>Center CA certificate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>Correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Checking the records service…</source>
        <translation>Checking the records service…</translation>
    </message>
    <message>
        <source>No answer at %1. Check the address, the network cable, and that the records service is running.</source>
        <translation>No answer at %1. Check the address, the network cable, and that the records service is running.</translation>
    </message>
    <message>
        <source>The records service at %1 answered, but its certificate is not trusted. Choose the center&apos;s CA certificate (ask IT for it).</source>
        <translation>The records service at %1 answered, but its certificate is not trusted. Choose the center&apos;s CA certificate (ask IT for it).</translation>
    </message>
    <message>
        <source>Something answered at %1, but it is not the records service. Check the address.</source>
        <translation>Something answered at %1, but it is not the records service. Check the address.</translation>
    </message>
    <message>
        <source>The records service at %1 asks to wait: try again in a minute.</source>
        <translation>The records service at %1 asks to wait: try again in a minute.</translation>
    </message>
    <message>
        <source>Center %1 has no window %2 at this records service. Check the center and window codes with IT.</source>
        <translation>Center %1 has no window %2 at this records service. Check the center and window codes with IT.</translation>
    </message>
    <message>
        <source>Window %1 is known at center %2.</source>
        <translation>Window %1 is known at center %2.</translation>
    </message>
    <message>
        <source>Window %1 is called “%2” at the records service; that name is used.</source>
        <translation>Window %1 is called “%2” at the records service; that name is used.</translation>
    </message>
    <message>
        <source>The check could not be finished. Show the details to IT.</source>
        <translation>The check could not be finished. Show the details to IT.</translation>
    </message>
    <message>
        <source>Redeeming the enrolment code…</source>
        <translation>Redeeming the enrolment code…</translation>
    </message>
    <message>
        <source>This enrolment code is unknown, used or expired. Ask IT for a new one.</source>
        <translation>This enrolment code is unknown, used or expired. Ask IT for a new one.</translation>
    </message>
    <message>
        <source>This window has as many desks as it may. An admin revokes an old desk first, then makes a new code.</source>
        <translation>This window has as many desks as it may. An admin revokes an old desk first, then makes a new code.</translation>
    </message>
    <message>
        <source>Too many tries: wait a minute, then save again.</source>
        <translation>Too many tries: wait a minute, then save again.</translation>
    </message>
    <message>
        <source>This code was made for window %1, not for this window. It is used up: ask IT for a new code for this window.</source>
        <translation>This code was made for window %1, not for this window. It is used up: ask IT for a new code for this window.</translation>
    </message>
    <message>
        <source>This code is for a kiosk or another system, not for a window PC. It is used up: ask IT for a desk or display code.</source>
        <translation>This code is for a kiosk or another system, not for a window PC. It is used up: ask IT for a desk or display code.</translation>
    </message>
    <message>
        <source>The enrolment code could not be redeemed. Show the details to IT.</source>
        <translation>The enrolment code could not be redeemed. Show the details to IT.</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Record the follow-up</source>
        <translation>Record the follow-up</translation>
    </message>
    <message>
        <source>Case %1, score %2: %3</source>
        <translation>Case %1, score %2: %3</translation>
    </message>
    <message>
        <source>What was done, who was called, the outcome</source>
        <translation>What was done, who was called, the outcome</translation>
    </message>
</context>
<context>
    <name>ForwardPage</name>
    <message>
        <source>Goes to:</source>
        <translation>Goes to:</translation>
    </message>
    <message>
        <source>The center above takes the case over; its progress shows here after the next sync. Write the reason under Opinion.</source>
        <translation>The center above takes the case over; its progress shows here after the next sync. Write the reason under Opinion.</translation>
    </message>
</context>
<context>
    <name>HallScreen</name>
    <message>
        <source>Signed in offline: the board needs the center. Sign in again.</source>
        <translation>Signed in offline: the board needs the center. Sign in again.</translation>
    </message>
    <message>
        <source>New enrolment code</source>
        <translation>New enrolment code</translation>
    </message>
    <message>
        <source>Enrolment code for this screen (clerk-records enrol --kind display):</source>
        <translation>Enrolment code for this screen (clerk-records enrol --kind display):</translation>
    </message>
    <message>
        <source>Hall screen — %1</source>
        <translation>Hall screen — %1</translation>
    </message>
    <message>
        <source>Today&apos;s cases</source>
        <translation>Today&apos;s cases</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>Service item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>No cases yet today</source>
        <translation>No cases yet today</translation>
    </message>
    <message>
        <source>That code is unknown, used or expired.</source>
        <extracomment>The service refused this PC&apos;s display credential: fetching stopped, IT is told. Title of the hall&apos;s big screen: the public list of today&apos;s cases (办件公示).</extracomment>
        <translation>That code is unknown, used or expired.</translation>
    </message>
    <message>
        <source>That code is not for a screen.</source>
        <translation>That code is not for a screen.</translation>
    </message>
    <message>
        <source>The code could not be used.</source>
        <translation>The code could not be used.</translation>
    </message>
    <message>
        <source>%1 · stage: %2</source>
        <translation>%1 · stage: %2</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>This screen&apos;s credential has been revoked or has expired, so the board cannot be shown.
IT: make a new enrolment code (clerk-records enrol --kind display) and press F2 here to type it in.</source>
        <translation>This screen&apos;s credential has been revoked or has expired, so the board cannot be shown.
IT: make a new enrolment code (clerk-records enrol --kind display) and press F2 here to type it in.</translation>
    </message>
    <message>
        <source>Received today %1</source>
        <translation>Received today %1</translation>
    </message>
    <message>
        <source>Completed today %1</source>
        <translation>Completed today %1</translation>
    </message>
    <message>
        <source>Completion rate %1</source>
        <translation>Completion rate %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Connecting to the center…</source>
        <translation>Connecting to the center…</translation>
    </message>
    <message>
        <source>The center cannot be reached; no data yet</source>
        <translation>The center cannot be reached; no data yet</translation>
    </message>
    <message>
        <source>Sign in again · data as of %1</source>
        <translation>Sign in again · data as of %1</translation>
    </message>
    <message>
        <source>Link down · data as of %1</source>
        <translation>Link down · data as of %1</translation>
    </message>
    <message>
        <source>Data as of %1 · %2 s behind the latest</source>
        <translation>Data as of %1 · %2 s behind the latest</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Data as of %1</translation>
    </message>
</context>
<context>
    <name>HotlineTab</name>
    <message>
        <source>12345 work orders</source>
        <extracomment>A call to the service is running (the list or a step).</extracomment>
        <translation>12345 work orders</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Sign by / answer by</source>
        <translation>Sign by / answer by</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>The work order</source>
        <translation>The work order</translation>
    </message>
    <message>
        <source>Department to answer the order</source>
        <translation>Department to answer the order</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>e.g. GA</translation>
    </message>
    <message>
        <source>Reason to return or extend</source>
        <translation>Reason to return or extend</translation>
    </message>
    <message>
        <source>the hotline reads it</source>
        <translation>the hotline reads it</translation>
    </message>
    <message>
        <source>New answer deadline</source>
        <translation>New answer deadline</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM, or a day: its end</source>
        <translation>YYYY-MM-DD HH:MM, or a day: its end</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>New deadline</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>Alt+S: sign   Alt+A: assign   Alt+R: return (reason)   Alt+E: extend (reason, new deadline)   F5: reload</source>
        <translation>Alt+S: sign   Alt+A: assign   Alt+R: return (reason)   Alt+E: extend (reason, new deadline)   F5: reload</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>Wait: the last request is still being sent.</translation>
    </message>
    <message>
        <source>No work order waiting.</source>
        <translation>No work order waiting.</translation>
    </message>
    <message>
        <source>Sign by %1, answer by %2</source>
        <translation>Sign by %1, answer by %2</translation>
    </message>
    <message>
        <source>Sent back by the hotline to be redone: %1</source>
        <translation>Sent back by the hotline to be redone: %1</translation>
    </message>
    <message>
        <source>Extended to %1</source>
        <translation>Extended to %1</translation>
    </message>
    <message>
        <source>Complaint %1</source>
        <translation>Complaint %1</translation>
    </message>
    <message>
        <source>Choose a work order first.</source>
        <translation>Choose a work order first.</translation>
    </message>
    <message>
        <source>Work order %1 signed for.</source>
        <translation>Work order %1 signed for.</translation>
    </message>
    <message>
        <source>Work order %1 assigned.</source>
        <translation>Work order %1 assigned.</translation>
    </message>
    <message>
        <source>Work order %1 returned to the hotline.</source>
        <translation>Work order %1 returned to the hotline.</translation>
    </message>
    <message>
        <source>Work order %1 extended.</source>
        <translation>Work order %1 extended.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Promised case</source>
        <translation>Promised case</translation>
    </message>
    <message>
        <source>Accept the case (Ctrl+Return)</source>
        <extracomment>The scanned pages&apos; panel (``gui.scan_panel``; the main window adds it).</extracomment>
        <translation>Accept the case (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Mark every required material received; optional ones stay for you</source>
        <translation>Mark every required material received; optional ones stay for you</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>Pick a service item first.</translation>
    </message>
    <message>
        <source>Someone acting for the applicant (Alt+G)</source>
        <translation>Someone acting for the applicant (Alt+G)</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>A valid unified social credit code</source>
        <translation>A valid unified social credit code</translation>
    </message>
    <message>
        <source>Confirm the credit code against the business licence</source>
        <translation>Confirm the credit code against the business licence</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>A valid contact phone</source>
        <translation>A valid contact phone</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Material: %1</source>
        <extracomment>%1 is the name of a required material that is not marked received.</extracomment>
        <translation>Material: %1</translation>
    </message>
    <message>
        <source>Choose the decision: materials are missing</source>
        <translation>Choose the decision: materials are missing</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the entries of the &quot;Still needed&quot; list.</extracomment>
        <translation>; </translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>Still needed: %1</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Document &amp;type:</source>
        <translation>Document &amp;type:</translation>
    </message>
    <message>
        <source>ID n&amp;umber:</source>
        <translation>ID n&amp;umber:</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Mobile:</translation>
    </message>
    <message>
        <source>Organization &amp;name:</source>
        <translation>Organization &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>&amp;Credit code:</translation>
    </message>
    <message>
        <source>I have compared the code with the business licence; it is correct</source>
        <translation>I have compared the code with the business licence; it is correct</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>&amp;Legal representative:</translation>
    </message>
    <message>
        <source>Con&amp;tact person:</source>
        <translation>Con&amp;tact person:</translation>
    </message>
    <message>
        <source>Mar&amp;k all received</source>
        <translation>Mar&amp;k all received</translation>
    </message>
    <message>
        <source>F&amp;ee:</source>
        <translation>F&amp;ee:</translation>
    </message>
    <message>
        <source>Contact &amp;mobile:</source>
        <translation>Contact &amp;mobile:</translation>
    </message>
    <message>
        <source>A&amp;gent (acting for the applicant)</source>
        <translation>A&amp;gent (acting for the applicant)</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <source>Case kind:</source>
        <translation>Case kind:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Due date:</translation>
    </message>
</context>
<context>
    <name>IntakeTexts</name>
    <message>
        <source>Done on the spot (即办)</source>
        <translation>Done on the spot (即办)</translation>
    </message>
    <message>
        <source>Accepted, promised time limit (承诺)</source>
        <translation>Accepted, promised time limit (承诺)</translation>
    </message>
    <message>
        <source>Accepted, materials to follow (容缺)</source>
        <translation>Accepted, materials to follow (容缺)</translation>
    </message>
    <message>
        <source>One-time notice of missing materials (补正)</source>
        <translation>One-time notice of missing materials (补正)</translation>
    </message>
    <message>
        <source>Not accepted (不予受理)</source>
        <translation>Not accepted (不予受理)</translation>
    </message>
    <message>
        <source>Forwarded to a higher authority (上报)</source>
        <translation>Forwarded to a higher authority (上报)</translation>
    </message>
    <message>
        <source>On-the-spot case</source>
        <translation>On-the-spot case</translation>
    </message>
    <message>
        <source>Promised case</source>
        <translation>Promised case</translation>
    </message>
    <message>
        <source>Promised case, materials to follow</source>
        <translation>Promised case, materials to follow</translation>
    </message>
    <message>
        <source>Not accepted yet: materials to be completed</source>
        <translation>Not accepted yet: materials to be completed</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>Forwarded case</source>
        <translation>Forwarded case</translation>
    </message>
    <message>
        <source>acceptance receipt</source>
        <translation>acceptance receipt</translation>
    </message>
    <message>
        <source>notice of materials to follow</source>
        <translation>notice of materials to follow</translation>
    </message>
    <message>
        <source>one-time notice of missing materials</source>
        <translation>one-time notice of missing materials</translation>
    </message>
    <message>
        <source>refusal notice</source>
        <translation>refusal notice</translation>
    </message>
    <message>
        <source>forwarding notice</source>
        <translation>forwarding notice</translation>
    </message>
    <message>
        <source>commitment letter</source>
        <translation>commitment letter</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Hong Kong/Macau travel permit</source>
        <translation>Hong Kong/Macau travel permit</translation>
    </message>
    <message>
        <source>Taiwan residents&apos; travel permit</source>
        <translation>Taiwan residents&apos; travel permit</translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence ID</source>
        <translation>Foreigner&apos;s permanent residence ID</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>to follow later</source>
        <translation>to follow later</translation>
    </message>
    <message>
        <source>by commitment</source>
        <extracomment>告知承诺: the applicant replaced this certificate by a written commitment.</extracomment>
        <translation>by commitment</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>waived</translation>
    </message>
    <message>
        <source>Not within this agency&apos;s authority</source>
        <translation>Not within this agency&apos;s authority</translation>
    </message>
    <message>
        <source>Needs no licence by law</source>
        <translation>Needs no licence by law</translation>
    </message>
    <message>
        <source>Applicant not eligible / legal conditions not met</source>
        <translation>Applicant not eligible / legal conditions not met</translation>
    </message>
    <message>
        <source>Facts concealed or false materials</source>
        <translation>Facts concealed or false materials</translation>
    </message>
    <message>
        <source>Other reason (write it below)</source>
        <translation>Other reason (write it below)</translation>
    </message>
    <message>
        <source>A passport number has 5 to 17 letters or digits.</source>
        <translation>A passport number has 5 to 17 letters or digits.</translation>
    </message>
    <message>
        <source>A Hong Kong/Macau travel permit number is a letter followed by 8 to 10 letters or digits.</source>
        <translation>A Hong Kong/Macau travel permit number is a letter followed by 8 to 10 letters or digits.</translation>
    </message>
    <message>
        <source>A Taiwan residents&apos; travel permit number has 8 or 10 digits.</source>
        <translation>A Taiwan residents&apos; travel permit number has 8 or 10 digits.</translation>
    </message>
    <message>
        <source>A foreigner&apos;s permanent residence ID has 15 characters (old card) or 18 starting with 9 (new card).</source>
        <translation>A foreigner&apos;s permanent residence ID has 15 characters (old card) or 18 starting with 9 (new card).</translation>
    </message>
    <message>
        <source>The check digit of this permanent residence ID does not match: check it against the card.</source>
        <translation>The check digit of this permanent residence ID does not match: check it against the card.</translation>
    </message>
    <message>
        <source>Say by when the materials to follow must come.</source>
        <translation>Say by when the materials to follow must come.</translation>
    </message>
    <message>
        <source>The day for the materials to follow ({date}) is past.</source>
        <translation>The day for the materials to follow ({date}) is past.</translation>
    </message>
    <message>
        <source>The materials to follow must come by the due date {due_date}, not {date}.</source>
        <translation>The materials to follow must come by the due date {due_date}, not {date}.</translation>
    </message>
    <message>
        <source>Nothing is missing: mark the missing materials, or choose another decision.</source>
        <translation>Nothing is missing: mark the missing materials, or choose another decision.</translation>
    </message>
    <message>
        <source>Give the reason for not accepting.</source>
        <translation>Give the reason for not accepting.</translation>
    </message>
    <message>
        <source>Give the legal basis for not accepting.</source>
        <translation>Give the legal basis for not accepting.</translation>
    </message>
    <message>
        <source>Name the authority the case is forwarded to.</source>
        <translation>Name the authority the case is forwarded to.</translation>
    </message>
    <message>
        <source>Say why the case is forwarded.</source>
        <translation>Say why the case is forwarded.</translation>
    </message>
    <message>
        <source>A case is forwarded only with all required materials in hand.</source>
        <translation>A case is forwarded only with all required materials in hand.</translation>
    </message>
    <message>
        <source>Required material {code} ({name}) has not been received.</source>
        <translation>Required material {code} ({name}) has not been received.</translation>
    </message>
    <message>
        <source>Material {code} ({name}) cannot follow later.</source>
        <translation>Material {code} ({name}) cannot follow later.</translation>
    </message>
    <message>
        <source>Materials marked to follow later need the decision &apos;materials to follow&apos;.</source>
        <translation>Materials marked to follow later need the decision &apos;materials to follow&apos;.</translation>
    </message>
    <message>
        <source>The decision &apos;materials to follow&apos; needs a material marked to follow later.</source>
        <translation>The decision &apos;materials to follow&apos; needs a material marked to follow later.</translation>
    </message>
    <message>
        <source>The fee for this item cannot be waived.</source>
        <translation>The fee for this item cannot be waived.</translation>
    </message>
    <message>
        <source>A phone number is needed to reach the applicant.</source>
        <translation>A phone number is needed to reach the applicant.</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>The name is missing.</translation>
    </message>
    <message>
        <source>This item does not serve applicants of this kind.</source>
        <translation>This item does not serve applicants of this kind.</translation>
    </message>
    <message>
        <source>This item is not done on the spot (its time limit is {days} working days).</source>
        <translation>This item is not done on the spot (its time limit is {days} working days).</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <source>A resident ID has 18 characters; {length} were entered.</source>
        <translation>A resident ID has 18 characters; {length} were entered.</translation>
    </message>
    <message>
        <source>A resident ID has 17 digits and then a digit or X; other characters were entered.</source>
        <translation>A resident ID has 17 digits and then a digit or X; other characters were entered.</translation>
    </message>
    <message>
        <source>The check digit (the last character) does not match the other 17: a character was mistyped or misread.</source>
        <translation>The check digit (the last character) does not match the other 17: a character was mistyped or misread.</translation>
    </message>
    <message>
        <source>The birth date in the number ({value}) is not a possible date of birth.</source>
        <translation>The birth date in the number ({value}) is not a possible date of birth.</translation>
    </message>
    <message>
        <source>This is a residence permit number of a Hong Kong, Macau or Taiwan resident (starts with {prefix}): check it against the permit.</source>
        <translation>This is a residence permit number of a Hong Kong, Macau or Taiwan resident (starts with {prefix}): check it against the permit.</translation>
    </message>
    <message>
        <source>The area code {area} is not known for this birth year; it may be a renamed area. Check it against the card.</source>
        <translation>The area code {area} is not known for this birth year; it may be a renamed area. Check it against the card.</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters; {length} were entered.</source>
        <translation>A unified social credit code has 18 characters; {length} were entered.</translation>
    </message>
    <message>
        <source>A unified social credit code uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY.</source>
        <translation>A unified social credit code uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY.</translation>
    </message>
    <message>
        <source>The check character of this credit code does not match. Some real codes fail this check: compare it with the business licence and confirm below.</source>
        <translation>The check character of this credit code does not match. Some real codes fail this check: compare it with the business licence and confirm below.</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13 to 19.</source>
        <translation>A mobile number has 11 digits and starts with 13 to 19.</translation>
    </message>
    <message>
        <source>The document number is empty.</source>
        <translation>The document number is empty.</translation>
    </message>
</context>
<context>
    <name>JointAcceptedDialog</name>
    <message>
        <source>Joint application accepted</source>
        <translation>Joint application accepted</translation>
    </message>
    <message numerus="yes">
        <source>The joint application is saved on this computer with %n part(s); it goes to the center as a whole when the link is up.</source>
        <translation>
            <numerusform>The joint application is saved on this computer with %n part; it goes to the center as a whole when the link is up.</numerusform>
            <numerusform>The joint application is saved on this computer with %n parts; it goes to the center as a whole when the link is up.</numerusform>
        </translation>
    </message>
    <message>
        <source>Joint number:</source>
        <translation>Joint number:</translation>
    </message>
    <message>
        <source>The joint case&apos;s parts</source>
        <translation>The joint case&apos;s parts</translation>
    </message>
    <message>
        <source>Query code:</source>
        <translation>Query code:</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>&amp;Print the joint receipt (联合受理通知书)</source>
        <translation>&amp;Print the joint receipt (联合受理通知书)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>received, decided when the stage opens</source>
        <translation>received, decided when the stage opens</translation>
    </message>
    <message>
        <source>Making the joint receipt…</source>
        <translation>Making the joint receipt…</translation>
    </message>
    <message>
        <source>Printing the joint receipt is not available in this version; the parts are saved and their numbers are above.</source>
        <translation>Printing the joint receipt is not available in this version; the parts are saved and their numbers are above.</translation>
    </message>
    <message>
        <source>The joint receipt could not be made; the parts are saved. Try again from the case&apos;s documents, or ask IT (the log says why).</source>
        <translation>The joint receipt could not be made; the parts are saved. Try again from the case&apos;s documents, or ask IT (the log says why).</translation>
    </message>
    <message>
        <source>The joint receipt is ready (Alt+P prints it).</source>
        <translation>The joint receipt is ready (Alt+P prints it).</translation>
    </message>
</context>
<context>
    <name>JointConsolidateDialog</name>
    <message>
        <source>Consolidate supplements of joint cases</source>
        <translation>Consolidate supplements of joint cases</translation>
    </message>
    <message>
        <source>Departments file what their parts still need. When a stage&apos;s review window has closed, or every department has filed, issue ONE notice for the stage: every open part of it then waits for the applicant, and resumes together when the papers are brought.</source>
        <translation>Departments file what their parts still need. When a stage&apos;s review window has closed, or every department has filed, issue ONE notice for the stage: every open part of it then waits for the applicant, and resumes together when the papers are brought.</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>Joint case</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Issue consolidated notice</source>
        <translation>&amp;Issue consolidated notice</translation>
    </message>
    <message>
        <source>Papers &amp;received</source>
        <translation>Papers &amp;received</translation>
    </message>
    <message>
        <source>&amp;Print notice</source>
        <translation>&amp;Print notice</translation>
    </message>
    <message>
        <source>Print the notice</source>
        <translation>Print the notice</translation>
    </message>
    <message>
        <source>Waiting for the applicant (notice %1)</source>
        <translation>Waiting for the applicant (notice %1)</translation>
    </message>
    <message>
        <source>Ready: issue the notice</source>
        <translation>Ready: issue the notice</translation>
    </message>
    <message>
        <source>Nothing filed</source>
        <translation>Nothing filed</translation>
    </message>
    <message>
        <source>Waiting for every department to file</source>
        <translation>Waiting for every department to file</translation>
    </message>
    <message>
        <source>Review open until %1</source>
        <translation>Review open until %1</translation>
    </message>
    <message>
        <source>No joint case taken in here has a stage open.</source>
        <translation>No joint case taken in here has a stage open.</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>Not filed: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message numerus="yes">
        <source>Notice %1 issued; %n part(s) wait for the applicant.</source>
        <translation>
            <numerusform>Notice %1 issued; %n part waits for the applicant.</numerusform>
            <numerusform>Notice %1 issued; %n parts wait for the applicant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Papers received: %n part(s) resume.</source>
        <translation>
            <numerusform>Papers received: %n part resumes.</numerusform>
            <numerusform>Papers received: %n parts resume.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JointDocumentsBox</name>
    <message>
        <source>&amp;Documents of this joint case issued at this desk</source>
        <translation>&amp;Documents of this joint case issued at this desk</translation>
    </message>
    <message>
        <source>No document of this joint case was issued at this desk.</source>
        <translation>No document of this joint case was issued at this desk.</translation>
    </message>
</context>
<context>
    <name>JointIntakeDialog</name>
    <message>
        <source>DEMO</source>
        <extracomment>Takes the checked draft in instead of the desk&apos;s own transaction (a package&apos;s pre-submission: ``gui.presubmissions``); it ends with ``_taken`` or ``_failed``.</extracomment>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Joint intake — %1</source>
        <translation>Joint intake — %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Project &amp;type:</source>
        <translation>Project &amp;type:</translation>
    </message>
    <message>
        <source>Project &amp;code (项目代码):</source>
        <translation>Project &amp;code (项目代码):</translation>
    </message>
    <message>
        <source>Materials handed in once (一套材料)</source>
        <translation>Materials handed in once (一套材料)</translation>
    </message>
    <message>
        <source>&amp;Materials — Space: received / missing · O: original / copy · + / −: copies</source>
        <translation>&amp;Materials — Space: received / missing · O: original / copy · + / −: copies</translation>
    </message>
    <message>
        <source>Mark all &amp;required received</source>
        <translation>Mark all &amp;required received</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Take the whole application in (Ctrl+Return)</source>
        <translation>Take the whole application in (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The project code has the form 2026-130502-48-01-000123 (year, division, industry, kind, serial).</source>
        <translation>The project code has the form 2026-130502-48-01-000123 (year, division, industry, kind, serial).</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Choose the project type.</source>
        <translation>Choose the project type.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>Still needed: %1</translation>
    </message>
    <message>
        <source>Joint intake</source>
        <translation>Joint intake</translation>
    </message>
    <message>
        <source>Close the joint intake? What you entered is not kept.</source>
        <translation>Close the joint intake? What you entered is not kept.</translation>
    </message>
    <message>
        <source>&amp;Close it</source>
        <translation>&amp;Close it</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>&amp;Go on</translation>
    </message>
</context>
<context>
    <name>JointIntakeForm</name>
    <message>
        <source>Joint intake</source>
        <translation>Joint intake</translation>
    </message>
</context>
<context>
    <name>JointParking</name>
    <message>
        <source>An online pre-submission is not parked: it stays in the online list (Ctrl+Shift+O) until it is taken in.</source>
        <translation>An online pre-submission is not parked: it stays in the online list (Ctrl+Shift+O) until it is taken in.</translation>
    </message>
    <message>
        <source>Nothing to park yet.</source>
        <translation>Nothing to park yet.</translation>
    </message>
    <message>
        <source>Joint intake parked. Resume it with Ctrl+R.</source>
        <translation>Joint intake parked. Resume it with Ctrl+R.</translation>
    </message>
    <message>
        <source>The package of this parked intake is not in the catalog any more.</source>
        <translation>The package of this parked intake is not in the catalog any more.</translation>
    </message>
    <message>
        <source>Parked joint intake resumed.</source>
        <translation>Parked joint intake resumed.</translation>
    </message>
</context>
<context>
    <name>JointParty</name>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Organization</source>
        <translation>&amp;Organization</translation>
    </message>
    <message>
        <source>Organization name:</source>
        <translation>Organization name:</translation>
    </message>
    <message>
        <source>Credit code:</source>
        <translation>Credit code:</translation>
    </message>
    <message>
        <source>Legal representative:</source>
        <translation>Legal representative:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Contact person:</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>Contact phone:</translation>
    </message>
    <message>
        <source>Checked against the business licence</source>
        <translation>Checked against the business licence</translation>
    </message>
    <message>
        <source>A&amp;gent (代办人)</source>
        <translation>A&amp;gent (代办人)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Organization name</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>A valid unified social credit code</source>
        <translation>A valid unified social credit code</translation>
    </message>
    <message>
        <source>Confirm the credit code against the business licence</source>
        <translation>Confirm the credit code against the business licence</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>A valid contact phone</source>
        <translation>A valid contact phone</translation>
    </message>
</context>
<context>
    <name>JointProgressView</name>
    <message>
        <source>Package:</source>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Current stage:</source>
        <translation>Current stage:</translation>
    </message>
    <message>
        <source>S&amp;tages:</source>
        <translation>S&amp;tages:</translation>
    </message>
    <message>
        <source>&amp;Parts (item, department, progress):</source>
        <translation>&amp;Parts (item, department, progress):</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Not open yet</source>
        <translation>Not open yet</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting for the applicant</source>
        <translation>Waiting for the applicant</translation>
    </message>
    <message>
        <source>All stages complete</source>
        <translation>All stages complete</translation>
    </message>
</context>
<context>
    <name>JointTab</name>
    <message>
        <source>Received fro&amp;m:</source>
        <translation>Received fro&amp;m:</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>t&amp;o:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>Refresh the figures (F5)</translation>
    </message>
    <message>
        <source>Stages and departments</source>
        <translation>Stages and departments</translation>
    </message>
    <message>
        <source>Approval time per project (working days)</source>
        <translation>Approval time per project (working days)</translation>
    </message>
    <message>
        <source>From intake to the end of the last stage (today while it runs), less the days waiting on the applicant&apos;s supplements, intermediary services, technical reviews, public notice and special procedures.</source>
        <translation>From intake to the end of the last stage (today while it runs), less the days waiting on the applicant&apos;s supplements, intermediary services, technical reviews, public notice and special procedures.</translation>
    </message>
    <message>
        <source>%1 joint cases received in the period</source>
        <translation>%1 joint cases received in the period</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parts</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>In time</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Avg. working days</source>
        <translation>Avg. working days</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>▲ slowest in this stage</source>
        <translation>▲ slowest in this stage</translation>
    </message>
    <message>
        <source>Whole stage</source>
        <translation>Whole stage</translation>
    </message>
    <message>
        <source>Joint case</source>
        <translation>Joint case</translation>
    </message>
    <message>
        <source>Package / project</source>
        <translation>Package / project</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>Approval time</source>
        <translation>Approval time</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>all stages done</source>
        <translation>all stages done</translation>
    </message>
</context>
<context>
    <name>JointTexts</name>
    <message>
        <source>Project</source>
        <extracomment>Mark of a staged construction project (工程建设项目) in the catalog list.</extracomment>
        <translation>Project</translation>
    </message>
    <message>
        <source>One thing</source>
        <extracomment>Mark of a 一件事 package (several items, one application) in the catalog list.</extracomment>
        <translation>One thing</translation>
    </message>
    <message>
        <source>Government-invested (政府投资)</source>
        <translation>Government-invested (政府投资)</translation>
    </message>
    <message>
        <source>Socially invested (社会投资)</source>
        <translation>Socially invested (社会投资)</translation>
    </message>
    <message>
        <source>Small, low-risk (小型低风险)</source>
        <translation>Small, low-risk (小型低风险)</translation>
    </message>
</context>
<context>
    <name>KioskScreen</name>
    <message>
        <source>Take a ticket</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <source>%1 · Take a ticket</source>
        <translation>%1 · Take a ticket</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>ID card (optional):</source>
        <translation>ID card (optional):</translation>
    </message>
    <message>
        <source>Place your ID card on the reader</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Clear ID</source>
        <translation>Clear ID</translation>
    </message>
    <message>
        <source>Appointment code:</source>
        <translation>Appointment code:</translation>
    </message>
    <message>
        <source>e.g. YY2K7M4Q9P</source>
        <translation>e.g. YY2K7M4Q9P</translation>
    </message>
    <message>
        <source>Appointment code</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Check in with ID</source>
        <translation>Check in with ID</translation>
    </message>
    <message>
        <source>Reprint ticket</source>
        <translation>Reprint ticket</translation>
    </message>
    <message>
        <source>Large text on.</source>
        <translation>Large text on.</translation>
    </message>
    <message>
        <source>Large text off.</source>
        <translation>Large text off.</translation>
    </message>
    <message>
        <source>High contrast on.</source>
        <translation>High contrast on.</translation>
    </message>
    <message>
        <source>High contrast off.</source>
        <translation>High contrast off.</translation>
    </message>
    <message>
        <source>Welcome. Choose your business to take a ticket. With an appointment, type its code or place your ID card on the reader.</source>
        <translation>Welcome. Choose your business to take a ticket. With an appointment, type its code or place your ID card on the reader.</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <source>No business can be chosen now. Please ask at the desk.</source>
        <translation>No business can be chosen now. Please ask at the desk.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting: to be confirmed</source>
        <translation>waiting: to be confirmed</translation>
    </message>
    <message>
        <source>The center cannot be reached now. Tickets are still printed; how many people are ahead of you will be known later (人数待定).</source>
        <translation>The center cannot be reached now. Tickets are still printed; how many people are ahead of you will be known later (人数待定).</translation>
    </message>
    <message>
        <source>The ID card could not be read. Please place it on the reader again.</source>
        <translation>The ID card could not be read. Please place it on the reader again.</translation>
    </message>
    <message>
        <source>ID card read: %1, age %2. Priority for the elderly.</source>
        <translation>ID card read: %1, age %2. Priority for the elderly.</translation>
    </message>
    <message>
        <source>ID card read. You will be served with priority. Choose your business, or check in your appointment.</source>
        <translation>ID card read. You will be served with priority. Choose your business, or check in your appointment.</translation>
    </message>
    <message>
        <source>ID card read: %1, age %2.</source>
        <translation>ID card read: %1, age %2.</translation>
    </message>
    <message>
        <source>ID card read. Choose your business, or check in your appointment.</source>
        <translation>ID card read. Choose your business, or check in your appointment.</translation>
    </message>
    <message>
        <source>ID card cleared.</source>
        <translation>ID card cleared.</translation>
    </message>
    <message>
        <source>Printing your ticket for %1, please wait.</source>
        <translation>Printing your ticket for %1, please wait.</translation>
    </message>
    <message>
        <source>Type your appointment code first.</source>
        <translation>Type your appointment code first.</translation>
    </message>
    <message>
        <source>Place your ID card on the reader first.</source>
        <translation>Place your ID card on the reader first.</translation>
    </message>
    <message>
        <source>Checking in your appointment, please wait.</source>
        <translation>Checking in your appointment, please wait.</translation>
    </message>
    <message>
        <source>Your number %1</source>
        <translation>Your number %1</translation>
    </message>
    <message>
        <source>The printer is out of paper. Your number %1 is kept: please ask a member of staff, who will reprint it.</source>
        <translation>The printer is out of paper. Your number %1 is kept: please ask a member of staff, who will reprint it.</translation>
    </message>
    <message>
        <source>The ticket could not be printed. Your number %1 is kept: please ask a member of staff, who will reprint it.</source>
        <translation>The ticket could not be printed. Your number %1 is kept: please ask a member of staff, who will reprint it.</translation>
    </message>
    <message>
        <source>How many people are ahead of you will be known later.</source>
        <translation>How many people are ahead of you will be known later.</translation>
    </message>
    <message>
        <source>Nobody is waiting ahead of you.</source>
        <translation>Nobody is waiting ahead of you.</translation>
    </message>
    <message numerus="yes">
        <source>%n people are waiting ahead of you.</source>
        <translation>
            <numerusform>%n person is waiting ahead of you.</numerusform>
            <numerusform>%n people are waiting ahead of you.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your number is %1 (%2). %3 Please take your ticket.</source>
        <translation>Your number is %1 (%2). %3 Please take your ticket.</translation>
    </message>
    <message>
        <source>Your number is %1. %2 Please take your ticket.</source>
        <translation>Your number is %1. %2 Please take your ticket.</translation>
    </message>
    <message>
        <source>Reprint ticket (%1)</source>
        <translation>Reprint ticket (%1)</translation>
    </message>
    <message>
        <source>This kiosk&apos;s credential was revoked or has expired: tickets cannot be issued. Staff: press F2 and type a new enrolment code.</source>
        <translation>This kiosk&apos;s credential was revoked or has expired: tickets cannot be issued. Staff: press F2 and type a new enrolment code.</translation>
    </message>
    <message numerus="yes">
        <source>This ID card has already taken today&apos;s tickets for this business (%n per day). No more tickets can be taken with it today.</source>
        <translation>
            <numerusform>This ID card has already taken today&apos;s ticket for this business (%n per day). No more tickets can be taken with it today.</numerusform>
            <numerusform>This ID card has already taken today&apos;s tickets for this business (%n per day). No more tickets can be taken with it today.</numerusform>
        </translation>
    </message>
    <message>
        <source>The center cannot be reached and this kiosk has printed all the tickets it may print offline today. Please ask at the desk.</source>
        <translation>The center cannot be reached and this kiosk has printed all the tickets it may print offline today. Please ask at the desk.</translation>
    </message>
    <message>
        <source>The center cannot be reached and this kiosk prints no tickets without it. Please ask at the desk.</source>
        <translation>The center cannot be reached and this kiosk prints no tickets without it. Please ask at the desk.</translation>
    </message>
    <message>
        <source>This appointment is already checked in.</source>
        <translation>This appointment is already checked in.</translation>
    </message>
    <message>
        <source>The time of this appointment is over. Please take an ordinary ticket.</source>
        <translation>The time of this appointment is over. Please take an ordinary ticket.</translation>
    </message>
    <message>
        <source>This appointment is for another day.</source>
        <translation>This appointment is for another day.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>This appointment was cancelled.</translation>
    </message>
    <message>
        <source>This ID card has taken all its tickets for today.</source>
        <translation>This ID card has taken all its tickets for today.</translation>
    </message>
    <message>
        <source>Appointments cannot be checked in while the center cannot be reached. Please take an ordinary ticket.</source>
        <translation>Appointments cannot be checked in while the center cannot be reached. Please take an ordinary ticket.</translation>
    </message>
    <message>
        <source>No appointment for today was found. Please check the code.</source>
        <translation>No appointment for today was found. Please check the code.</translation>
    </message>
    <message>
        <source>This business cannot be chosen now. Please choose again.</source>
        <translation>This business cannot be chosen now. Please choose again.</translation>
    </message>
    <message>
        <source>The ticket could not be issued. Please try again or ask at the desk.</source>
        <translation>The ticket could not be issued. Please try again or ask at the desk.</translation>
    </message>
    <message>
        <source>The kiosk is enrolled again.</source>
        <translation>The kiosk is enrolled again.</translation>
    </message>
    <message>
        <source>Enrolment code for this kiosk (clerk-records enrol --kind kiosk):</source>
        <translation>Enrolment code for this kiosk (clerk-records enrol --kind kiosk):</translation>
    </message>
    <message>
        <source>Enrol this kiosk</source>
        <translation>Enrol this kiosk</translation>
    </message>
    <message>
        <source>This is not a kiosk&apos;s enrolment code.</source>
        <translation>This is not a kiosk&apos;s enrolment code.</translation>
    </message>
    <message>
        <source>The code is unknown, used or expired. Ask for a new one.</source>
        <translation>The code is unknown, used or expired. Ask for a new one.</translation>
    </message>
    <message>
        <source>The center cannot be reached. Check the network and try again.</source>
        <translation>The center cannot be reached. Check the network and try again.</translation>
    </message>
</context>
<context>
    <name>LaterStages</name>
    <message>
        <source>Later stages: received, decided when the stage opens</source>
        <translation>Later stages: received, decided when the stage opens</translation>
    </message>
</context>
<context>
    <name>LeadApprovalDialog</name>
    <message>
        <source>A lead approves the waiver</source>
        <translation>A lead approves the waiver</translation>
    </message>
    <message>
        <source>Lead&apos;s &amp;user name:</source>
        <translation>Lead&apos;s &amp;user name:</translation>
    </message>
    <message>
        <source>Lead&apos;s &amp;password:</source>
        <translation>Lead&apos;s &amp;password:</translation>
    </message>
    <message>
        <source>Waiver of ¥%1 (%2): a lead of the department signs in here to approve it.</source>
        <translation>Waiver of ¥%1 (%2): a lead of the department signs in here to approve it.</translation>
    </message>
    <message>
        <source>The lead types their user name and password.</source>
        <translation>The lead types their user name and password.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>This account is not a lead&apos;s: a lead approves waivers.</source>
        <translation>This account is not a lead&apos;s: a lead approves waivers.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — Window Clerk</source>
        <translation>Locked — Window Clerk</translation>
    </message>
    <message>
        <source>This desk is locked</source>
        <translation>This desk is locked</translation>
    </message>
    <message>
        <source>%1 was away. Enter the password to go on where you left off.</source>
        <translation>%1 was away. Enter the password to go on where you left off.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>The disk is full: the logs were not exported. Free some space or choose another place (for example a USB stick).</source>
        <translation>The disk is full: the logs were not exported. Free some space or choose another place (for example a USB stick).</translation>
    </message>
    <message>
        <source>This folder cannot be written to (read-only or no permission): the logs were not exported. Choose another place.</source>
        <translation>This folder cannot be written to (read-only or no permission): the logs were not exported. Choose another place.</translation>
    </message>
    <message>
        <source>The logs were not exported: %1</source>
        <translation>The logs were not exported: %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>&amp;Contains:</source>
        <translation>&amp;Contains:</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Log lines</translation>
    </message>
    <message>
        <source>Everything (debug)</source>
        <translation>Everything (debug)</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Read the log files again (F5)</source>
        <translation>Read the log files again (F5)</translation>
    </message>
    <message>
        <source>&amp;Export logs…</source>
        <translation>&amp;Export logs…</translation>
    </message>
    <message>
        <source>Save the log files and the self-check report as a zip for IT</source>
        <translation>Save the log files and the self-check report as a zip for IT</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>%1 of %2 records</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>Export logs</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>Exporting the logs…</source>
        <translation>Exporting the logs…</translation>
    </message>
    <message>
        <source>Saved to %1 — send this file to IT.</source>
        <translation>Saved to %1 — send this file to IT.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Window Clerk</source>
        <translation>Sign in — Window Clerk</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>The local database was damaged. It has been set aside, not deleted, as %1, and a new, empty one was created. Cases not yet sent may still be in the old file: call IT support before taking in cases.</source>
        <translation>The local database was damaged. It has been set aside, not deleted, as %1, and a new, empty one was created. Cases not yet sent may still be in the old file: call IT support before taking in cases.</translation>
    </message>
    <message>
        <source>The records service cannot be reached (offline).</source>
        <translation>The records service cannot be reached (offline).</translation>
    </message>
    <message>
        <source>This user has never signed in online at this window, so an offline sign-in is not possible yet. Sign in once while the service is reachable.</source>
        <translation>This user has never signed in online at this window, so an offline sign-in is not possible yet. Sign in once while the service is reachable.</translation>
    </message>
    <message>
        <source>Offline sign-in is locked for this user after 5 wrong passwords. Sign in while the service is reachable to open it again.</source>
        <translation>Offline sign-in is locked for this user after 5 wrong passwords. Sign in while the service is reachable to open it again.</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is earlier than the time the records service last gave it, so an offline sign-in is refused. Ask IT support to set the clock right.</source>
        <translation>This computer&apos;s clock is earlier than the time the records service last gave it, so an offline sign-in is refused. Ask IT support to set the clock right.</translation>
    </message>
    <message>
        <source>The last online sign-in at this window is too long ago for an offline sign-in. Sign in while the service is reachable.</source>
        <translation>The last online sign-in at this window is too long ago for an offline sign-in. Sign in while the service is reachable.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>%1 more wrong password(s) lock offline sign-in.</source>
        <translation>%1 more wrong password(s) lock offline sign-in.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Window:</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Records service:</source>
        <translation>Records service:</translation>
    </message>
    <message>
        <source>Your password was not changed, so you are not signed in. Sign in again and choose a new password to continue.</source>
        <translation>Your password was not changed, so you are not signed in. Sign in again and choose a new password to continue.</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Look up a case</source>
        <translation>Look up a case</translation>
    </message>
    <message>
        <source>&amp;Case no.:</source>
        <translation>&amp;Case no.:</translation>
    </message>
    <message>
        <source>&amp;Query code:</source>
        <translation>&amp;Query code:</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <source>Check the progress as the applicant would (Enter)</source>
        <translation>Check the progress as the applicant would (Enter)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Due date:</translation>
    </message>
    <message>
        <source>Completed:</source>
        <translation>Completed:</translation>
    </message>
    <message>
        <source>Enter the case number.</source>
        <translation>Enter the case number.</translation>
    </message>
    <message>
        <source>The query code is 6 digits.</source>
        <translation>The query code is 6 digits.</translation>
    </message>
    <message>
        <source>Asking the center…</source>
        <translation>Asking the center…</translation>
    </message>
    <message>
        <source>As the center records it:</source>
        <translation>As the center records it:</translation>
    </message>
    <message>
        <source>As the center records it (data as of %1, %2 s behind the latest):</source>
        <translation>As the center records it (data as of %1, %2 s behind the latest):</translation>
    </message>
    <message>
        <source>As the center records it (data as of %1):</source>
        <translation>As the center records it (data as of %1):</translation>
    </message>
    <message>
        <source>No case with this number and query code.</source>
        <translation>No case with this number and query code.</translation>
    </message>
    <message>
        <source>Too many lookups in a short time; wait a moment.</source>
        <translation>Too many lookups in a short time; wait a moment.</translation>
    </message>
    <message>
        <source>The center cannot be reached (offline), and this desk has no such case.</source>
        <translation>The center cannot be reached (offline), and this desk has no such case.</translation>
    </message>
    <message>
        <source>The center cannot be reached (offline). This desk&apos;s own record of the case (it may not show what others did since):</source>
        <translation>The center cannot be reached (offline). This desk&apos;s own record of the case (it may not show what others did since):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Window Clerk — %1, window %2</source>
        <extracomment>The dialog opened last from a menu (settings, log view, shortcuts, about ...). Set by gui.presubmissions: for a pre-submission&apos;s take-in, the service call to run on a worker before the writer&apos;s short job (None: the usual take-in).</extracomment>
        <translation>Window Clerk — %1, window %2</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <source>Window: %1</source>
        <translation>Window: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Department: %1</translation>
    </message>
    <message>
        <source>Show the connection to the records service (F8)</source>
        <translation>Show the connection to the records service (F8)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Signed in offline</source>
        <translation>Signed in offline</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Intake</source>
        <translation>&amp;Intake</translation>
    </message>
    <message>
        <source>Catalog, disclosures and the intake form (Ctrl+1)</source>
        <translation>Catalog, disclosures and the intake form (Ctrl+1)</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>&amp;Worklist</translation>
    </message>
    <message>
        <source>This window&apos;s cases (Ctrl+2)</source>
        <translation>This window&apos;s cases (Ctrl+2)</translation>
    </message>
    <message>
        <source>The worklist is not available in this build.</source>
        <translation>The worklist is not available in this build.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Export logs…</source>
        <translation>&amp;Export logs…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Lock the desk</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Intake form</source>
        <translation>Intake form</translation>
    </message>
    <message>
        <source>&amp;Look up a case…</source>
        <translation>&amp;Look up a case…</translation>
    </message>
    <message>
        <source>&amp;Reload catalog</source>
        <translation>&amp;Reload catalog</translation>
    </message>
    <message>
        <source>&amp;Connection details…</source>
        <translation>&amp;Connection details…</translation>
    </message>
    <message>
        <source>Switch lan&amp;guage (中文 / English)</source>
        <extracomment>Switches the interface between 简体中文 and English, live.</extracomment>
        <translation>Switch lan&amp;guage (中文 / English)</translation>
    </message>
    <message>
        <source>&amp;Find item</source>
        <translation>&amp;Find item</translation>
    </message>
    <message>
        <source>&amp;Accept case</source>
        <translation>&amp;Accept case</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Log…</source>
        <translation>&amp;Log…</translation>
    </message>
    <message>
        <source>&amp;Self-check…</source>
        <translation>&amp;Self-check…</translation>
    </message>
    <message>
        <source>&amp;About Window Clerk</source>
        <translation>&amp;About Window Clerk</translation>
    </message>
    <message>
        <source>Search the catalog (Ctrl+F)</source>
        <translation>Search the catalog (Ctrl+F)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the case…</source>
        <translation>Saving the case…</translation>
    </message>
    <message>
        <source>Print service &amp;guide…</source>
        <translation>Print service &amp;guide…</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <source>Scans of the materials</source>
        <translation>Scans of the materials</translation>
    </message>
    <message>
        <source>Scanned pages (Alt+B):</source>
        <translation>Scanned pages (Alt+B):</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <source>Show the page (Enter)</source>
        <translation>Show the page (Enter)</translation>
    </message>
    <message>
        <source>&amp;Unreadable: ask for it again (补正)</source>
        <translation>&amp;Unreadable: ask for it again (补正)</translation>
    </message>
    <message>
        <source>Ticks the page&apos;s material on the 补正 checklist; the notice names the page</source>
        <translation>Ticks the page&apos;s material on the 补正 checklist; the notice names the page</translation>
    </message>
    <message>
        <source>No page of this case was scanned on this desk.</source>
        <translation>No page of this case was scanned on this desk.</translation>
    </message>
    <message>
        <source>Asking the center for the case&apos;s files…</source>
        <translation>Asking the center for the case&apos;s files…</translation>
    </message>
    <message>
        <source>The center&apos;s files: Enter fetches a page (each view is recorded there).</source>
        <translation>The center&apos;s files: Enter fetches a page (each view is recorded there).</translation>
    </message>
    <message>
        <source>The center holds no file of this case.</source>
        <translation>The center holds no file of this case.</translation>
    </message>
    <message>
        <source>The center&apos;s files cannot be listed now: %1</source>
        <translation>The center&apos;s files cannot be listed now: %1</translation>
    </message>
    <message>
        <source>at the center</source>
        <translation>at the center</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>being sent</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>%1 · page %2</source>
        <translation>%1 · page %2</translation>
    </message>
    <message>
        <source>shared, with %1</source>
        <translation>shared, with %1</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>the file cannot be read</translation>
    </message>
    <message>
        <source>Fetching the page from the center…</source>
        <translation>Fetching the page from the center…</translation>
    </message>
    <message>
        <source>The page cannot be fetched: %1</source>
        <translation>The page cannot be fetched: %1</translation>
    </message>
    <message>
        <source>page %1 of the scan is unreadable</source>
        <translation>page %1 of the scan is unreadable</translation>
    </message>
    <message>
        <source>Signed in offline: the uploaded files are at the center.</source>
        <translation>Signed in offline: the uploaded files are at the center.</translation>
    </message>
    <message>
        <source>Files uploaded for %1</source>
        <translation>Files uploaded for %1</translation>
    </message>
    <message>
        <source>F6 the uploaded files</source>
        <translation>F6 the uploaded files</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <source>Material</source>
        <extracomment>告知承诺: the catalog lets the applicant replace this certificate by a commitment.</extracomment>
        <translation>Material</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>Original or copy</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Space: received / missing · L: to follow later · C: by the applicant&apos;s commitment · O: original / copy · + / −: copies</source>
        <translation>Space: received / missing · L: to follow later · C: by the applicant&apos;s commitment · O: original / copy · + / −: copies</translation>
    </message>
    <message>
        <source>May follow later (容缺)</source>
        <translation>May follow later (容缺)</translation>
    </message>
    <message>
        <source>The applicant may replace it by a written commitment (告知承诺): C</source>
        <translation>The applicant may replace it by a written commitment (告知承诺): C</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>original</source>
        <extracomment>A material handed in as the original document (原件) or a photocopy (复印件).</extracomment>
        <translation>original</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>not brought</source>
        <translation>not brought</translation>
    </message>
    <message>
        <source>This material cannot follow later (容缺).</source>
        <translation>This material cannot follow later (容缺).</translation>
    </message>
    <message>
        <source>This material cannot be replaced by a written commitment (告知承诺).</source>
        <translation>This material cannot be replaced by a written commitment (告知承诺).</translation>
    </message>
</context>
<context>
    <name>OfflinePart</name>
    <message>
        <source>Item code on the payer&apos;s notice</source>
        <translation>Item code on the payer&apos;s notice</translation>
    </message>
    <message>
        <source>Amount due on the notice (yuan), then Enter</source>
        <translation>Amount due on the notice (yuan), then Enter</translation>
    </message>
    <message>
        <source>Not pulled: enter it to confirm</source>
        <translation>Not pulled: enter it to confirm</translation>
    </message>
    <message>
        <source>%1 paper payment(s) taken offline were refused by the center (first: receipt %2, notice %3). Call finance.</source>
        <translation>%1 paper payment(s) taken offline were refused by the center (first: receipt %2, notice %3). Call finance.</translation>
    </message>
    <message>
        <source>OFFLINE — cash only, on paper receipts (%1 blank forms left). Card and QR need the link. %2 payment(s) waiting to be sent.</source>
        <translation>OFFLINE — cash only, on paper receipts (%1 blank forms left). Card and QR need the link. %2 payment(s) waiting to be sent.</translation>
    </message>
    <message>
        <source>%1 paper payment(s) taken offline are still being sent.</source>
        <translation>%1 paper payment(s) taken offline are still being sent.</translation>
    </message>
    <message>
        <source>%1 paper payment(s) of another cashier wait for that cashier to sign in at this desk: this desk has no device token. Call IT support if it stays so.</source>
        <translation>%1 paper payment(s) of another cashier wait for that cashier to sign in at this desk: this desk has no device token. Call IT support if it stays so.</translation>
    </message>
    <message>
        <source>Not pulled from the center: the payment is marked to confirm.</source>
        <translation>Not pulled from the center: the payment is marked to confirm.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>There is no catalog on this computer yet, and the records service cannot be reached: it must be reached once.</source>
        <translation>There is no catalog on this computer yet, and the records service cannot be reached: it must be reached once.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved. Free some disk space or call IT support, then try again.</source>
        <translation>The disk is full. Nothing was saved. Free some disk space or call IT support, then try again.</translation>
    </message>
    <message>
        <source>The local database is busy (locked by another program). Nothing was saved. Wait a moment and try again.</source>
        <translation>The local database is busy (locked by another program). Nothing was saved. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The local database is damaged. Stop taking in cases on this computer and call IT support.</source>
        <translation>The local database is damaged. Stop taking in cases on this computer and call IT support.</translation>
    </message>
    <message>
        <source>The local database could not be used: %1</source>
        <translation>The local database could not be used: %1</translation>
    </message>
    <message>
        <source>The records service&apos;s certificate is not trusted. Check the CA bundle in the provisioning file or call IT support.</source>
        <translation>The records service&apos;s certificate is not trusted. Check the CA bundle in the provisioning file or call IT support.</translation>
    </message>
    <message>
        <source>The records service cannot be reached (offline). Check the network cable or try again later.</source>
        <translation>The records service cannot be reached (offline). Check the network cable or try again later.</translation>
    </message>
    <message>
        <source>The records service gave an answer this client does not understand. Call IT support.</source>
        <translation>The records service gave an answer this client does not understand. Call IT support.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This account may not do that at this window.</source>
        <translation>This account may not do that at this window.</translation>
    </message>
    <message>
        <source>This client (version %1) is older than the records service accepts (version %2 or newer). Ask IT support to install the new version.</source>
        <translation>This client (version %1) is older than the records service accepts (version %2 or newer). Ask IT support to install the new version.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, or ask the shift lead to unlock it.</source>
        <translation>Too many attempts. Wait a few minutes, or ask the shift lead to unlock it.</translation>
    </message>
    <message>
        <source>The records service refused the request (%1).</source>
        <translation>The records service refused the request (%1).</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <extracomment>The outcome, when the work was handed to a runner (:meth:`run_on`).</extracomment>
        <translation>Window Clerk</translation>
    </message>
</context>
<context>
    <name>PackageDisclosure</name>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Lead department: %1</source>
        <translation>Lead department: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n department(s) handle it in parallel:</source>
        <translation>
            <numerusform>%n department handles it:</numerusform>
            <numerusform>%n departments handle it in parallel:</numerusform>
        </translation>
    </message>
    <message>
        <source>Project types: %1</source>
        <translation>Project types: %1</translation>
    </message>
    <message>
        <source>lead: %1</source>
        <translation>lead: %1</translation>
    </message>
    <message>
        <source>One set of materials, handed in once:</source>
        <translation>One set of materials, handed in once:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>if applicable</source>
        <translation>if applicable</translation>
    </message>
    <message numerus="yes">
        <source>for %n item(s)</source>
        <translation>
            <numerusform>for %n item</numerusform>
            <numerusform>for %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Besides, each item&apos;s own materials:</source>
        <translation>Besides, each item&apos;s own materials:</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n working day(s)</source>
        <translation>
            <numerusform>Total: %n working day</numerusform>
            <numerusform>Total: %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Free of charge</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>%1 in all (the sum of its items&apos; fees)</source>
        <translation>%1 in all (the sum of its items&apos; fees)</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>&amp;Previous page</source>
        <translation>&amp;Previous page</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>Ne&amp;xt page</translation>
    </message>
    <message>
        <source>The file cannot be shown.</source>
        <translation>The file cannot be shown.</translation>
    </message>
    <message>
        <source>The PDF file cannot be read.</source>
        <translation>The PDF file cannot be read.</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>page %1 of %2</translation>
    </message>
</context>
<context>
    <name>ParkedListDialog</name>
    <message>
        <source>Parked intakes</source>
        <translation>Parked intakes</translation>
    </message>
    <message>
        <source>No intake is parked at this window.</source>
        <translation>No intake is parked at this window.</translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation>Parked at</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Document no.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Enter: resume · Delete: discard · Esc: close</source>
        <translation>Enter: resume · Delete: discard · Esc: close</translation>
    </message>
</context>
<context>
    <name>Parking</name>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Discard parked intake</source>
        <translation>Discard parked intake</translation>
    </message>
    <message>
        <source>Discard this parked intake? What was typed is lost.</source>
        <translation>Discard this parked intake? What was typed is lost.</translation>
    </message>
    <message>
        <source>&amp;Park intake (暂存)</source>
        <extracomment>Whether the next catalog should bring the note of an intake parked at quit.</extracomment>
        <translation>&amp;Park intake (暂存)</translation>
    </message>
    <message>
        <source>&amp;Resume parked intake…</source>
        <translation>&amp;Resume parked intake…</translation>
    </message>
    <message>
        <source>Nothing to park.</source>
        <translation>Nothing to park.</translation>
    </message>
    <message>
        <source>Intake parked. Resume it with Ctrl+R.</source>
        <translation>Intake parked. Resume it with Ctrl+R.</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Quit anyway</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Stay</translation>
    </message>
    <message>
        <source>The intake left open when the desk was closed (%1) was parked. Resume it with Ctrl+R.</source>
        <translation>The intake left open when the desk was closed (%1) was parked. Resume it with Ctrl+R.</translation>
    </message>
    <message>
        <source>The item of this parked intake is not in the catalog any more.</source>
        <translation>The item of this parked intake is not in the catalog any more.</translation>
    </message>
    <message>
        <source>Parked intake resumed.</source>
        <translation>Parked intake resumed.</translation>
    </message>
</context>
<context>
    <name>ParkingController</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n other record</numerusform>
            <numerusform>%n other records</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separator between the counts of what waits to be sent.</extracomment>
        <translation>, </translation>
    </message>
    <message>
        <source>Not sent to the center yet: %1. They stay on this computer and are sent after the next sign-in.</source>
        <translation>Not sent to the center yet: %1. They stay on this computer and are sent after the next sign-in.</translation>
    </message>
    <message>
        <source>The intake being filled in will be parked: Ctrl+R resumes it after the next sign-in.</source>
        <translation>The intake being filled in will be parked: Ctrl+R resumes it after the next sign-in.</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
</context>
<context>
    <name>PartBox</name>
    <message>
        <source>Materials of this item only:</source>
        <translation>Materials of this item only:</translation>
    </message>
    <message>
        <source>No materials of its own: the set covers it.</source>
        <translation>No materials of its own: the set covers it.</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Missing for this item: %1 — it gets the one-time notice of missing materials (补正).</source>
        <translation>Missing for this item: %1 — it gets the one-time notice of missing materials (补正).</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password — Window Clerk</source>
        <translation>Change password — Window Clerk</translation>
    </message>
    <message>
        <source>The password of %1 was set by someone else or has expired. Choose a new password of your own to continue.</source>
        <translation>The password of %1 was set by someone else or has expired. Choose a new password of your own to continue.</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>Change the password of %1.</translation>
    </message>
    <message>
        <source>A good password is long and hard to guess: at least 10 characters, not your user name, not a common word, name, date or keyboard pattern. Three or four unrelated words with a number are easy to remember.</source>
        <translation>A good password is long and hard to guess: at least 10 characters, not your user name, not a common word, name, date or keyboard pattern. Three or four unrelated words with a number are easy to remember.</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changing…</translation>
    </message>
    <message>
        <source>C&amp;hange password</source>
        <translation>C&amp;hange password</translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation>Type your current password.</translation>
    </message>
    <message>
        <source>Type a new password.</source>
        <translation>Type a new password.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same. Type the new one again.</source>
        <translation>The two new passwords are not the same. Type the new one again.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Too short: use at least %1 characters.</translation>
    </message>
    <message>
        <source>Too long: use at most %1 characters.</source>
        <translation>Too long: use at most %1 characters.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>The current password is not right.</translation>
    </message>
    <message>
        <source>The password must not contain your user name.</source>
        <translation>The password must not contain your user name.</translation>
    </message>
    <message>
        <source>The password must not be one or two characters repeated.</source>
        <translation>The password must not be one or two characters repeated.</translation>
    </message>
    <message>
        <source>Too easy to guess: it is a common word, name, date or keyboard pattern, or close to one. Try three or four unrelated words with a number.</source>
        <translation>Too easy to guess: it is a common word, name, date or keyboard pattern, or close to one. Try three or four unrelated words with a number.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>You signed in offline: the password can only be changed while the records service can be reached. Sign out, and sign in again when it is back.</source>
        <translation>You signed in offline: the password can only be changed while the records service can be reached. Sign out, and sign in again when it is back.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign out and sign in again, then change the password.</source>
        <translation>Your sign-in has ended. Sign out and sign in again, then change the password.</translation>
    </message>
    <message>
        <source>The records service does not accept this password. Choose a longer one.</source>
        <translation>The records service does not accept this password. Choose a longer one.</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one from now on, also to sign in offline at this window.</source>
        <translation>Your password was changed. Use the new one from now on, also to sign in offline at this window.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the service</source>
        <translation>Pause the service</translation>
    </message>
    <message>
        <source>The window calls no ticket until you resume. The reason is shown on the window&apos;s own screen.</source>
        <translation>The window calls no ticket until you resume. The reason is shown on the window&apos;s own screen.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason for the pause</source>
        <translation>Reason for the pause</translation>
    </message>
    <message>
        <source>Lunch break</source>
        <translation>Lunch break</translation>
    </message>
    <message>
        <source>Consulting the back office</source>
        <translation>Consulting the back office</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>System fault</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>This PDF was encrypted with a key this computer does not have (another computer, or a reinstall). It cannot be opened here. The case and its other documents are not affected; reprint the document to get a new copy.</source>
        <extracomment>Pages drawn as images (where there is no ``lp``) are rendered at this resolution.</extracomment>
        <translation>This PDF was encrypted with a key this computer does not have (another computer, or a reinstall). It cannot be opened here. The case and its other documents are not affected; reprint the document to get a new copy.</translation>
    </message>
    <message>
        <source>The PDF of this document is no longer on this computer.</source>
        <translation>The PDF of this document is no longer on this computer.</translation>
    </message>
    <message>
        <source>The PDF of this document is damaged and cannot be opened. The case is not affected; reprint the document to get a new copy.</source>
        <translation>The PDF of this document is damaged and cannot be opened. The case is not affected; reprint the document to get a new copy.</translation>
    </message>
    <message>
        <source>Pages of “%1”</source>
        <translation>Pages of “%1”</translation>
    </message>
    <message>
        <source>Ctrl+P print · Ctrl+S save as PDF · Esc close</source>
        <translation>Ctrl+P print · Ctrl+S save as PDF · Esc close</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Users of my department</source>
        <translation>Users of my department</translation>
    </message>
    <message>
        <source>Bad ratings to follow up</source>
        <translation>Bad ratings to follow up</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Unlock the selected user (Alt+U)</source>
        <translation>Unlock the selected user (Alt+U)</translation>
    </message>
    <message>
        <source>Rec&amp;ord follow-up…</source>
        <translation>Rec&amp;ord follow-up…</translation>
    </message>
    <message>
        <source>Record the follow-up of the selected rating (Alt+O, or Enter on the row)</source>
        <translation>Record the follow-up of the selected rating (Alt+O, or Enter on the row)</translation>
    </message>
    <message>
        <source>Only those &amp;not yet followed up</source>
        <translation>Only those &amp;not yet followed up</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Failed sign-ins</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Locked out</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>Deadline passed</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Choose a user first.</source>
        <translation>Choose a user first.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 is unlocked.</translation>
    </message>
    <message>
        <source>Choose a rating first.</source>
        <translation>Choose a rating first.</translation>
    </message>
    <message>
        <source>This rating has been followed up already.</source>
        <translation>This rating has been followed up already.</translation>
    </message>
    <message>
        <source>The follow-up is recorded.</source>
        <translation>The follow-up is recorded.</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Resident ID: 18 characters; a card reader may type it in</source>
        <translation>Resident ID: 18 characters; a card reader may type it in</translation>
    </message>
    <message>
        <source>%1: name</source>
        <translation>%1: name</translation>
    </message>
    <message>
        <source>Resident ID n&amp;umber:</source>
        <translation>Resident ID n&amp;umber:</translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation>Document n&amp;umber:</translation>
    </message>
    <message>
        <source>%1: document number</source>
        <translation>%1: document number</translation>
    </message>
    <message>
        <source>%1: document number (incomplete)</source>
        <translation>%1: document number (incomplete)</translation>
    </message>
    <message>
        <source>%1: a valid document number</source>
        <translation>%1: a valid document number</translation>
    </message>
    <message>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <source>Born %1 · %2</source>
        <translation>Born %1 · %2</translation>
    </message>
    <message>
        <source>%1: mobile number</source>
        <translation>%1: mobile number</translation>
    </message>
    <message>
        <source>%1: a valid mobile number</source>
        <translation>%1: a valid mobile number</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Document type:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Mobile:</translation>
    </message>
</context>
<context>
    <name>Presubmissions</name>
    <message>
        <source>Waiting for pre-review</source>
        <extracomment>Column headers (translated in :meth:`PresubmissionsDialog.retranslate`).</extracomment>
        <translation>Waiting for pre-review</translation>
    </message>
    <message>
        <source>Accepted: bring originals</source>
        <translation>Accepted: bring originals</translation>
    </message>
    <message>
        <source>Accepted online (全程网办)</source>
        <translation>Accepted online (全程网办)</translation>
    </message>
    <message>
        <source>Supplement asked for</source>
        <translation>Supplement asked for</translation>
    </message>
    <message>
        <source>Taken in</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>This pre-submission is not your department&apos;s, or is gone.</source>
        <translation>This pre-submission is not your department&apos;s, or is gone.</translation>
    </message>
    <message>
        <source>This pre-submission is not waiting for a pre-review.</source>
        <translation>This pre-submission is not waiting for a pre-review.</translation>
    </message>
    <message>
        <source>The one-time supplement notice was given: accept or reject it.</source>
        <translation>The one-time supplement notice was given: accept or reject it.</translation>
    </message>
    <message>
        <source>This item needs a visit: it cannot be done fully online.</source>
        <translation>This item needs a visit: it cannot be done fully online.</translation>
    </message>
    <message>
        <source>Type the notice or the reason in the note field first.</source>
        <translation>Type the notice or the reason in the note field first.</translation>
    </message>
    <message>
        <source>The applicant&apos;s supplement is awaited: it cannot be taken in.</source>
        <translation>The applicant&apos;s supplement is awaited: it cannot be taken in.</translation>
    </message>
    <message>
        <source>This pre-submission was taken in already.</source>
        <translation>This pre-submission was taken in already.</translation>
    </message>
    <message>
        <source>This pre-submission was rejected: it cannot be taken in.</source>
        <translation>This pre-submission was rejected: it cannot be taken in.</translation>
    </message>
    <message>
        <source>A package is taken in as a joint case at its window.</source>
        <translation>A package is taken in as a joint case at its window.</translation>
    </message>
    <message>
        <source>This package is not in the desk&apos;s catalog: update the catalog.</source>
        <translation>This package is not in the desk&apos;s catalog: update the catalog.</translation>
    </message>
    <message>
        <source>Online pre-submissions need the connection to the center.</source>
        <translation>Online pre-submissions need the connection to the center.</translation>
    </message>
    <message>
        <source>The center refused this.</source>
        <translation>The center refused this.</translation>
    </message>
    <message>
        <source>Online pre-submissions (网上待接件)</source>
        <extracomment>The pre-submission to take in (set when Enter closes the dialog). A call to the service is running (the list or a pre-review).</extracomment>
        <translation>Online pre-submissions (网上待接件)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Online pre-submissions</source>
        <translation>Online pre-submissions</translation>
    </message>
    <message>
        <source>Supplement notice or reason</source>
        <translation>Supplement notice or reason</translation>
    </message>
    <message>
        <source>Supplement notice (F3) or reason to reject (F4)</source>
        <translation>Supplement notice (F3) or reason to reject (F4)</translation>
    </message>
    <message>
        <source>Enter take in · F2 accept · Shift+F2 accept online · F3 supplement · F4 reject</source>
        <translation>Enter take in · F2 accept · Shift+F2 accept online · F3 supplement · F4 reject</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>Wait: the last request is still being sent.</translation>
    </message>
    <message>
        <source>No online pre-submission is waiting.</source>
        <translation>No online pre-submission is waiting.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Uploaded materials: %1</source>
        <translation>Uploaded materials: %1</translation>
    </message>
    <message>
        <source>Supplement notice given: %1</source>
        <translation>Supplement notice given: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Online pre-submissions…</source>
        <extracomment>The pre-submission the intake form was filled from (its take-in makes the case). A package&apos;s joint case built and sent whose answer did not come: (number, draft, joint case); sent again as it is when the same draft is accepted again.</extracomment>
        <translation>&amp;Online pre-submissions…</translation>
    </message>
    <message>
        <source>Pre-submission %1 filled in: check the originals, then accept.</source>
        <translation>Pre-submission %1 filled in: check the originals, then accept.</translation>
    </message>
</context>
<context>
    <name>PrinterUnavailableDialog</name>
    <message>
        <source>Printer not available</source>
        <translation>Printer not available</translation>
    </message>
    <message>
        <source>Print on another printer of this computer:</source>
        <translation>Print on another printer of this computer:</translation>
    </message>
    <message>
        <source>This computer has no other printer.</source>
        <translation>This computer has no other printer.</translation>
    </message>
    <message>
        <source>&amp;Print on the selected printer</source>
        <translation>&amp;Print on the selected printer</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>No printer is set for this document. Choose one or print to PDF.</source>
        <translation>No printer is set for this document. Choose one or print to PDF.</translation>
    </message>
    <message>
        <source>Printer “%1” is not available here. The PDF is saved; choose another printer.</source>
        <translation>Printer “%1” is not available here. The PDF is saved; choose another printer.</translation>
    </message>
    <message>
        <source>Printer “%1” refuses new jobs. The PDF is saved; ask IT to check it.</source>
        <translation>Printer “%1” refuses new jobs. The PDF is saved; ask IT to check it.</translation>
    </message>
    <message>
        <source>Printer “%1” refused the document. The PDF is saved; check the printer.</source>
        <translation>Printer “%1” refused the document. The PDF is saved; check the printer.</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Pages of the document</source>
        <translation>Pages of the document</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Page number</translation>
    </message>
    <message>
        <source>More tools</source>
        <translation>More tools</translation>
    </message>
    <message>
        <source>Printer “%1” refused the document. Nothing has been printed.</source>
        <translation>Printer “%1” refused the document. Nothing has been printed.</translation>
    </message>
    <message>
        <source>“%1” printed on %2.</source>
        <translation>“%1” printed on %2.</translation>
    </message>
    <message>
        <source>Saved as %1 (not printed).</source>
        <translation>Saved as %1 (not printed).</translation>
    </message>
    <message>
        <source>No printer is set for this document. Nothing has been printed.</source>
        <translation>No printer is set for this document. Nothing has been printed.</translation>
    </message>
    <message>
        <source>The printer “%1” refuses new jobs. Nothing has been printed; ask IT to check it.</source>
        <translation>The printer “%1” refuses new jobs. Nothing has been printed; ask IT to check it.</translation>
    </message>
    <message>
        <source>The printer “%1” is not available. Nothing has been printed.</source>
        <translation>The printer “%1” is not available. Nothing has been printed.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <source>Queue summary</source>
        <translation>Queue summary</translation>
    </message>
    <message>
        <source>Tickets fro&amp;m:</source>
        <translation>Tickets fro&amp;m:</translation>
    </message>
    <message>
        <source>t&amp;o:</source>
        <translation>t&amp;o:</translation>
    </message>
    <message>
        <source>Tickets from</source>
        <translation>Tickets from</translation>
    </message>
    <message>
        <source>Tickets to</source>
        <translation>Tickets to</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>Refresh the figures (F5)</translation>
    </message>
    <message>
        <source>Waiting and service time (minutes)</source>
        <translation>Waiting and service time (minutes)</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Calls per hour</translation>
    </message>
    <message>
        <source>Hall load: tickets issued by weekday and hour</source>
        <translation>Hall load: tickets issued by weekday and hour</translation>
    </message>
    <message>
        <source>Windows paused</source>
        <translation>Windows paused</translation>
    </message>
    <message>
        <source>Waiting: from the ticket&apos;s issue (kept across a transfer) to its first call. Service: from serving to finishing, for the tickets finished. P90: nine tickets in ten waited (or were served) no longer. Abandoned: called and not come (过号).</source>
        <translation>Waiting: from the ticket&apos;s issue (kept across a transfer) to its first call. Service: from serving to finishing, for the tickets finished. P90: nine tickets in ten waited (or were served) no longer. Abandoned: called and not come (过号).</translation>
    </message>
    <message>
        <source>%1 tickets, %2 called, %3 served, %4 abandoned; average wait %5 min (P90 %6 min).</source>
        <translation>%1 tickets, %2 called, %3 served, %4 abandoned; average wait %5 min (P90 %6 min).</translation>
    </message>
    <message>
        <source>Appointments: %1 checked in, %2 not come, %3 booked, %4 cancelled.</source>
        <translation>Appointments: %1 checked in, %2 not come, %3 booked, %4 cancelled.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Category / window</source>
        <translation>Category / window</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Avg. wait</source>
        <translation>Avg. wait</translation>
    </message>
    <message>
        <source>P90 wait</source>
        <translation>P90 wait</translation>
    </message>
    <message>
        <source>Avg. service</source>
        <translation>Avg. service</translation>
    </message>
    <message>
        <source>P90 service</source>
        <translation>P90 service</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>All tickets</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>%1 %2:00: %3 tickets issued</source>
        <translation>%1 %2:00: %3 tickets issued</translation>
    </message>
    <message>
        <source>still paused</source>
        <translation>still paused</translation>
    </message>
    <message>
        <source>Paused at</source>
        <translation>Paused at</translation>
    </message>
    <message>
        <source>Resumed at</source>
        <translation>Resumed at</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Hall queue, tickets of %1 to %2</source>
        <translation>Hall queue, tickets of %1 to %2</translation>
    </message>
</context>
<context>
    <name>RefundHistoryTab</name>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>List decided refunds (Alt+L)</source>
        <translation>List decided refunds (Alt+L)</translation>
    </message>
    <message>
        <source>Decided refunds</source>
        <translation>Decided refunds</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <source>Alt+L: list the refunds decided in these days   F8: print a duplicate</source>
        <translation>Alt+L: list the refunds decided in these days   F8: print a duplicate</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>A period is at most 400 days.</source>
        <translation>A period is at most 400 days.</translation>
    </message>
    <message>
        <source>The records service refused to list the refunds.</source>
        <translation>The records service refused to list the refunds.</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>%1 refund(s) decided from %2 to %3.</source>
        <translation>%1 refund(s) decided from %2 to %3.</translation>
    </message>
    <message>
        <source>No refund was decided in these days.</source>
        <translation>No refund was decided in these days.</translation>
    </message>
</context>
<context>
    <name>RefundRequestDialog</name>
    <message>
        <source>Request a refund (退付)</source>
        <translation>Request a refund (退付)</translation>
    </message>
    <message>
        <source>Notice number or payment code, then Enter</source>
        <translation>Notice number or payment code, then Enter</translation>
    </message>
    <message>
        <source>Amount to refund (yuan)</source>
        <translation>Amount to refund (yuan)</translation>
    </message>
    <message>
        <source>Why the fee is refunded</source>
        <translation>Why the fee is refunded</translation>
    </message>
    <message>
        <source>The lead&apos;s user name</source>
        <translation>The lead&apos;s user name</translation>
    </message>
    <message>
        <source>&amp;Lead</source>
        <translation>&amp;Lead</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>&amp;Notice</source>
        <translation>&amp;Notice</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>In capitals</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Ctrl+Enter: send the request to finance   Esc: close</source>
        <translation>Ctrl+Enter: send the request to finance   Esc: close</translation>
    </message>
    <message>
        <source>A lead of the department signs in to request it.</source>
        <translation>A lead of the department signs in to request it.</translation>
    </message>
    <message>
        <source>%1 signed in for this request.</source>
        <translation>%1 signed in for this request.</translation>
    </message>
    <message>
        <source>%1 paid ¥%2 on %3, receipt %4; refunded ¥%5</source>
        <translation>%1 paid ¥%2 on %3, receipt %4; refunded ¥%5</translation>
    </message>
    <message>
        <source>This payment is refunded in full already.</source>
        <translation>This payment is refunded in full already.</translation>
    </message>
    <message>
        <source>Type the paid notice&apos;s number first.</source>
        <translation>Type the paid notice&apos;s number first.</translation>
    </message>
    <message>
        <source>The amount is not an amount (yuan, at most two decimals).</source>
        <translation>The amount is not an amount (yuan, at most two decimals).</translation>
    </message>
    <message>
        <source>State the reason for the refund.</source>
        <translation>State the reason for the refund.</translation>
    </message>
    <message>
        <source>Refund of ¥%1 requested for %2; finance decides.</source>
        <translation>Refund of ¥%1 requested for %2; finance decides.</translation>
    </message>
    <message>
        <source>No paid notice of your department has this number.</source>
        <translation>No paid notice of your department has this number.</translation>
    </message>
    <message>
        <source>More than is left to refund of this payment (requests waiting count too).</source>
        <translation>More than is left to refund of this payment (requests waiting count too).</translation>
    </message>
    <message>
        <source>Only a lead of the collecting department requests refunds.</source>
        <translation>Only a lead of the collecting department requests refunds.</translation>
    </message>
    <message>
        <source>Check the amount and the reason.</source>
        <translation>Check the amount and the reason.</translation>
    </message>
    <message>
        <source>The records service refused this request.</source>
        <translation>The records service refused this request.</translation>
    </message>
    <message>
        <source>Re&amp;fund request (lead)…</source>
        <translation>Re&amp;fund request (lead)…</translation>
    </message>
</context>
<context>
    <name>RejectedPanel</name>
    <message>
        <source>Refused by the center</source>
        <translation>Refused by the center</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>The center&apos;s reason</source>
        <translation>The center&apos;s reason</translation>
    </message>
    <message>
        <source>Re&amp;send corrected</source>
        <translation>Re&amp;send corrected</translation>
    </message>
    <message>
        <source>Send the item again with the corrections (Alt+S)</source>
        <translation>Send the item again with the corrections (Alt+S)</translation>
    </message>
    <message>
        <source>Reason to &amp;void:</source>
        <translation>Reason to &amp;void:</translation>
    </message>
    <message>
        <source>Void item</source>
        <translation>Void item</translation>
    </message>
    <message>
        <source>Give the item up: it is kept, marked void with your reason (Alt+V)</source>
        <translation>Give the item up: it is kept, marked void with your reason (Alt+V)</translation>
    </message>
    <message>
        <source>The case itself</source>
        <translation>The case itself</translation>
    </message>
    <message>
        <source>The joint case with all its parts</source>
        <translation>The joint case with all its parts</translation>
    </message>
    <message>
        <source>A case event</source>
        <translation>A case event</translation>
    </message>
    <message>
        <source>A document record</source>
        <translation>A document record</translation>
    </message>
    <message>
        <source>The payment notice</source>
        <translation>The payment notice</translation>
    </message>
    <message>
        <source>The payment notice&apos;s cancellation</source>
        <translation>The payment notice&apos;s cancellation</translation>
    </message>
    <message>
        <source>A payment taken offline on a paper receipt</source>
        <translation>A payment taken offline on a paper receipt</translation>
    </message>
    <message>
        <source>A rating</source>
        <translation>A rating</translation>
    </message>
    <message>
        <source>An audit record</source>
        <translation>An audit record</translation>
    </message>
    <message>
        <source>Another record</source>
        <translation>Another record</translation>
    </message>
    <message>
        <source>Correct the fields the center named first.</source>
        <translation>Correct the fields the center named first.</translation>
    </message>
    <message>
        <source>Say why the item is voided.</source>
        <translation>Say why the item is voided.</translation>
    </message>
    <message>
        <source>Done. The list below shows what is still refused.</source>
        <translation>Done. The list below shows what is still refused.</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>No scanner answers. Check that it is switched on and its cable (USB) is in, then press S again.</source>
        <translation>No scanner answers. Check that it is switched on and its cable (USB) is in, then press S again.</translation>
    </message>
    <message>
        <source>The scanner is busy with another scan. Wait a moment, then press S.</source>
        <translation>The scanner is busy with another scan. Wait a moment, then press S.</translation>
    </message>
    <message>
        <source>The scan was stopped.</source>
        <translation>The scan was stopped.</translation>
    </message>
    <message>
        <source>The scanner sent no usable picture. Press S to scan again.</source>
        <translation>The scanner sent no usable picture. Press S to scan again.</translation>
    </message>
    <message>
        <source>%1 is not a picture (PNG, JPEG) or PDF this desk can read, or it is damaged. Nothing of it was kept.</source>
        <translation>%1 is not a picture (PNG, JPEG) or PDF this desk can read, or it is damaged. Nothing of it was kept.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>The page is too large (more than %1 MB, or more than 60 million pixels: scan it at a lower resolution). Nothing of it was kept.</source>
        <translation>The page is too large (more than %1 MB, or more than 60 million pixels: scan it at a lower resolution). Nothing of it was kept.</translation>
    </message>
    <message>
        <source>The pages of this intake would pass %1 MB, the most one case may hold. Drop a page or scan at a lower resolution. Nothing more was kept.</source>
        <translation>The pages of this intake would pass %1 MB, the most one case may hold. Drop a page or scan at a lower resolution. Nothing more was kept.</translation>
    </message>
    <message>
        <source>The page could not be scanned. Press S to try again.</source>
        <translation>The page could not be scanned. Press S to try again.</translation>
    </message>
    <message>
        <source>Delete: drop this page · R / Shift+R: turn it · Ctrl+Left / Ctrl+Right: move it</source>
        <translation>Delete: drop this page · R / Shift+R: turn it · Ctrl+Left / Ctrl+Right: move it</translation>
    </message>
    <message>
        <source>Scanned pages</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <source>S: scan a page of the material on the current row · F: from a file</source>
        <translation>S: scan a page of the material on the current row · F: from a file</translation>
    </message>
    <message>
        <source>Scanning %1… (Escape stops)</source>
        <translation>Scanning %1… (Escape stops)</translation>
    </message>
    <message>
        <source>Page %1 of %2 scanned.</source>
        <translation>Page %1 of %2 scanned.</translation>
    </message>
    <message>
        <source>The scanned page could not be saved (disk full or no permission).</source>
        <translation>The scanned page could not be saved (disk full or no permission).</translation>
    </message>
    <message>
        <source>Pages of %1 from a file</source>
        <translation>Pages of %1 from a file</translation>
    </message>
    <message>
        <source>Pictures and PDF (%1)</source>
        <translation>Pictures and PDF (%1)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s) added to %2.</source>
        <translation>
            <numerusform>%1: %n page added to %2.</numerusform>
            <numerusform>%1: %n pages added to %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The page could not be turned.</source>
        <translation>The page could not be turned.</translation>
    </message>
    <message>
        <source>Page turned.</source>
        <translation>Page turned.</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check</source>
        <translation>Self-check</translation>
    </message>
    <message>
        <source>Self-check report</source>
        <translation>Self-check report</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Provisioning file</source>
        <translation>Provisioning file</translation>
    </message>
    <message>
        <source>Records service</source>
        <translation>Records service</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>Key storage</translation>
    </message>
    <message>
        <source>Local database</source>
        <translation>Local database</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>File permissions</source>
        <translation>File permissions</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>Chinese font</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Translations</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed: this window cannot work properly. Ask IT.</source>
        <translation>
            <numerusform>%n check failed: this window cannot work properly. Ask IT.</numerusform>
            <numerusform>%n checks failed: this window cannot work properly. Ask IT.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Works, with %n warning(s).</source>
        <translation>
            <numerusform>Works, with %n warning.</numerusform>
            <numerusform>Works, with %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything is fine.</source>
        <translation>Everything is fine.</translation>
    </message>
    <message>
        <source>The self-check could not run to the end. Press Check again; if it happens again, ask IT and give them the details.</source>
        <translation>The self-check could not run to the end. Press Check again; if it happens again, ask IT and give them the details.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Acceptance notice (受理通知书)</source>
        <extracomment>The languages offered, each named in itself (never translated).</extracomment>
        <translation>Acceptance notice (受理通知书)</translation>
    </message>
    <message>
        <source>Supplement notice (补正)</source>
        <translation>Supplement notice (补正)</translation>
    </message>
    <message>
        <source>Deferred acceptance (容缺)</source>
        <translation>Deferred acceptance (容缺)</translation>
    </message>
    <message>
        <source>Deferred material received (容缺补齐)</source>
        <translation>Deferred material received (容缺补齐)</translation>
    </message>
    <message>
        <source>Deferred acceptance ended (容缺终止)</source>
        <translation>Deferred acceptance ended (容缺终止)</translation>
    </message>
    <message>
        <source>Refusal notice (不予受理)</source>
        <translation>Refusal notice (不予受理)</translation>
    </message>
    <message>
        <source>Forwarding notice (上报)</source>
        <translation>Forwarding notice (上报)</translation>
    </message>
    <message>
        <source>Completion notice (办结)</source>
        <translation>Completion notice (办结)</translation>
    </message>
    <message>
        <source>Fee notice (收费)</source>
        <translation>Fee notice (收费)</translation>
    </message>
    <message>
        <source>Void notice (作废)</source>
        <translation>Void notice (作废)</translation>
    </message>
    <message>
        <source>Correction notice (更正)</source>
        <translation>Correction notice (更正)</translation>
    </message>
    <message>
        <source>Commitment letter (告知承诺书)</source>
        <translation>Commitment letter (告知承诺书)</translation>
    </message>
    <message>
        <source>Joint acceptance notice (联合受理)</source>
        <translation>Joint acceptance notice (联合受理)</translation>
    </message>
    <message>
        <source>Joint supplement notice (联合补正)</source>
        <translation>Joint supplement notice (联合补正)</translation>
    </message>
    <message>
        <source>Stage completion notice (阶段办结)</source>
        <translation>Stage completion notice (阶段办结)</translation>
    </message>
    <message>
        <source>Joint completion notice (联合办结)</source>
        <translation>Joint completion notice (联合办结)</translation>
    </message>
    <message>
        <source>Service guide (办事指南)</source>
        <translation>Service guide (办事指南)</translation>
    </message>
    <message>
        <source>Receipt slip, 80 mm roll</source>
        <translation>Receipt slip, 80 mm roll</translation>
    </message>
    <message>
        <source>Payment notice (缴款通知书)</source>
        <translation>Payment notice (缴款通知书)</translation>
    </message>
    <message>
        <source>Fiscal receipt, A4 three parts (非税收入票据)</source>
        <translation>Fiscal receipt, A4 three parts (非税收入票据)</translation>
    </message>
    <message>
        <source>Fiscal receipt, 80 mm roll</source>
        <translation>Fiscal receipt, 80 mm roll</translation>
    </message>
    <message>
        <source>Refund voucher (退付凭证)</source>
        <translation>Refund voucher (退付凭证)</translation>
    </message>
    <message>
        <source>Daily close sheet (日结单)</source>
        <translation>Daily close sheet (日结单)</translation>
    </message>
    <message>
        <source>Queue ticket, 80 mm roll (排队票)</source>
        <translation>Queue ticket, 80 mm roll (排队票)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Applies at once, no restart needed</source>
        <translation>Applies at once, no restart needed</translation>
    </message>
    <message>
        <source>&amp;Yellow when due within:</source>
        <extracomment>Label of the yellow-card threshold of the worklist, in working days.</extracomment>
        <translation>&amp;Yellow when due within:</translation>
    </message>
    <message>
        <source> working day(s)</source>
        <translation> working day(s)</translation>
    </message>
    <message>
        <source>Worklist cases due within this many working days are shown yellow</source>
        <translation>Worklist cases due within this many working days are shown yellow</translation>
    </message>
    <message>
        <source>Applies at once: full screen on a monitor other than the desk&apos;s</source>
        <translation>Applies at once: full screen on a monitor other than the desk&apos;s</translation>
    </message>
    <message>
        <source>Applicant &amp;screen on a second monitor</source>
        <translation>Applicant &amp;screen on a second monitor</translation>
    </message>
    <message>
        <source>Accept only after the applicant &amp;confirmed</source>
        <translation>Accept only after the applicant &amp;confirmed</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>As provisioned (%1)</source>
        <translation>As provisioned (%1)</translation>
    </message>
    <message>
        <source>System default printer</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>The settings could not be saved in %1 (%2). Ask IT to make that folder writable; until then they apply only until you quit.</source>
        <translation>The settings could not be saved in %1 (%2). Ask IT to make that folder writable; until then they apply only until you quit.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Anywhere</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Window Clerk is already running on this data folder (process %1 on computer %2, user %3). Switch to that window, or close it first, then start again.

Data folder: %4</source>
        <translation>Window Clerk is already running on this data folder (process %1 on computer %2, user %3). Switch to that window, or close it first, then start again.

Data folder: %4</translation>
    </message>
    <message>
        <source>Window Clerk</source>
        <translation>Window Clerk</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>In person</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345 hotline</translation>
    </message>
    <message>
        <source>Bad rating</source>
        <translation>Bad rating</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>The hall</source>
        <translation>The hall</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>Delay beyond the promise</source>
        <translation>Delay beyond the promise</translation>
    </message>
    <message>
        <source>Materials not in the disclosure</source>
        <translation>Materials not in the disclosure</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Misconduct</source>
        <translation>Misconduct</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>Basically satisfied</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>the complainant&apos;s name (or tick anonymous)</source>
        <translation>the complainant&apos;s name (or tick anonymous)</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>the window</translation>
    </message>
    <message>
        <source>the department</source>
        <translation>the department</translation>
    </message>
    <message>
        <source>the clerk&apos;s user name</source>
        <translation>the clerk&apos;s user name</translation>
    </message>
    <message>
        <source>the case number</source>
        <translation>the case number</translation>
    </message>
    <message>
        <source>the account</source>
        <translation>the account</translation>
    </message>
    <message>
        <source>the note saying why</source>
        <translation>the note saying why</translation>
    </message>
    <message>
        <source>the window or department</source>
        <translation>the window or department</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>the reason</translation>
    </message>
    <message>
        <source>the month (YYYY-MM)</source>
        <translation>the month (YYYY-MM)</translation>
    </message>
    <message>
        <source>the linked numbers</source>
        <translation>the linked numbers</translation>
    </message>
    <message>
        <source>the period (YYYY-MM or YYYY-Wnn)</source>
        <translation>the period (YYYY-MM or YYYY-Wnn)</translation>
    </message>
    <message>
        <source>the new deadline (a later YYYY-MM-DD HH:MM)</source>
        <translation>the new deadline (a later YYYY-MM-DD HH:MM)</translation>
    </message>
    <message>
        <source>the bad rating</source>
        <translation>the bad rating</translation>
    </message>
    <message>
        <source>the first day rated (YYYY-MM-DD, not after the last)</source>
        <translation>the first day rated (YYYY-MM-DD, not after the last)</translation>
    </message>
    <message>
        <source>the last day rated (YYYY-MM-DD)</source>
        <translation>the last day rated (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>the department&apos;s code</source>
        <translation>the department&apos;s code</translation>
    </message>
    <message>
        <source>Something entered is not accepted: check the fields.</source>
        <translation>Something entered is not accepted: check the fields.</translation>
    </message>
    <message>
        <source>Check %1: it is missing or unknown.</source>
        <translation>Check %1: it is missing or unknown.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>That complaint is not there (or not yours to see).</source>
        <translation>That complaint is not there (or not yours to see).</translation>
    </message>
    <message>
        <source>Your account may not do this.</source>
        <translation>Your account may not do this.</translation>
    </message>
    <message>
        <source>The complaint is closed: reopen it first.</source>
        <translation>The complaint is closed: reopen it first.</translation>
    </message>
    <message>
        <source>The complaint is not at a step where this is done.</source>
        <translation>The complaint is not at a step where this is done.</translation>
    </message>
    <message>
        <source>The complainant left no contact to call back: close it instead.</source>
        <translation>The complainant left no contact to call back: close it instead.</translation>
    </message>
    <message>
        <source>A complaint is reopened once only.</source>
        <translation>A complaint is reopened once only.</translation>
    </message>
    <message>
        <source>That window is the month&apos;s model window already.</source>
        <translation>That window is the month&apos;s model window already.</translation>
    </message>
    <message>
        <source>That work order is not there (or not the center&apos;s).</source>
        <translation>That work order is not there (or not the center&apos;s).</translation>
    </message>
    <message>
        <source>The work order is not at a step where this is done.</source>
        <translation>The work order is not at a step where this is done.</translation>
    </message>
    <message>
        <source>The records service refused this.</source>
        <translation>The records service refused this.</translation>
    </message>
    <message>
        <source>Wait: the last request is still being sent.</source>
        <translation>Wait: the last request is still being sent.</translation>
    </message>
    <message>
        <source>Followed up or not</source>
        <translation>Followed up or not</translation>
    </message>
    <message>
        <source>Still to follow up</source>
        <translation>Still to follow up</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source> (followed up)</source>
        <translation> (followed up)</translation>
    </message>
</context>
<context>
    <name>SupervisionHotline</name>
    <message>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>Request for help</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>Received: to sign</source>
        <translation>Received: to sign</translation>
    </message>
    <message>
        <source>Signed: to assign</source>
        <translation>Signed: to assign</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Sent back: redo</source>
        <translation>Sent back: redo</translation>
    </message>
    <message>
        <source>Sign overdue %1</source>
        <translation>Sign overdue %1</translation>
    </message>
    <message>
        <source>Answer overdue %1</source>
        <translation>Answer overdue %1</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>%1 left to sign</source>
        <translation>%1 left to sign</translation>
    </message>
    <message>
        <source>%1 left to answer</source>
        <translation>%1 left to answer</translation>
    </message>
</context>
<context>
    <name>SupervisionScreen</name>
    <message>
        <source>Supervision — %1</source>
        <translation>Supervision — %1</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>Complaints</source>
        <extracomment>The screen&apos;s calls to the service, off the GUI thread (the 12345 tab has its own).</extracomment>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>Cards and model windows</source>
        <translation>Cards and model windows</translation>
    </message>
    <message>
        <source>12345 work orders</source>
        <translation>12345 work orders</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>The complaint</translation>
    </message>
    <message>
        <source>Department to answer</source>
        <translation>Department to answer</translation>
    </message>
    <message>
        <source>e.g. GA</source>
        <translation>e.g. GA</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>note on the step; a reopen says why</source>
        <translation>note on the step; a reopen says why</translation>
    </message>
    <message>
        <source>Alt+A: assign   Alt+B: call-back recorded   Alt+C: close   Alt+R: reopen   F5: reload</source>
        <translation>Alt+A: assign   Alt+B: call-back recorded   Alt+C: close   Alt+R: reopen   F5: reload</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>Files written</translation>
    </message>
    <message>
        <source>Week or month</source>
        <translation>Week or month</translation>
    </message>
    <message>
        <source>Ctrl+E: export the bulletin as PDF and XLSX   Alt+O: choose the folder   (a month 2026-11, a week 2026-W49)</source>
        <translation>Ctrl+E: export the bulletin as PDF and XLSX   Alt+O: choose the folder   (a month 2026-11, a week 2026-W49)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>No complaint.</source>
        <translation>No complaint.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Account: %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <source>Call-back: %1</source>
        <translation>Call-back: %1</translation>
    </message>
    <message>
        <source>Choose a bad rating first.</source>
        <translation>Choose a bad rating first.</translation>
    </message>
    <message>
        <source>The form is filled from the bad rating: complete it, then Ctrl+Return.</source>
        <translation>The form is filled from the bad rating: complete it, then Ctrl+Return.</translation>
    </message>
    <message>
        <source>Complaint %1 taken in.</source>
        <translation>Complaint %1 taken in.</translation>
    </message>
    <message>
        <source>Choose a complaint first.</source>
        <translation>Choose a complaint first.</translation>
    </message>
    <message>
        <source>Complaint %1 assigned.</source>
        <translation>Complaint %1 assigned.</translation>
    </message>
    <message>
        <source>Call-back of %1 recorded.</source>
        <translation>Call-back of %1 recorded.</translation>
    </message>
    <message>
        <source>Complaint %1 closed.</source>
        <translation>Complaint %1 closed.</translation>
    </message>
    <message>
        <source>Complaint %1 reopened.</source>
        <translation>Complaint %1 reopened.</translation>
    </message>
    <message>
        <source>Bulletin %1 exported as PDF and XLSX.</source>
        <translation>Bulletin %1 exported as PDF and XLSX.</translation>
    </message>
    <message>
        <source>Folder of the bulletin</source>
        <translation>Folder of the bulletin</translation>
    </message>
</context>
<context>
    <name>SuspendKind</name>
    <message>
        <source>Intermediary service</source>
        <translation>Intermediary service</translation>
    </message>
    <message>
        <source>Technical review</source>
        <translation>Technical review</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>Special procedure</source>
        <translation>Special procedure</translation>
    </message>
    <message>
        <source>Waiting on the applicant</source>
        <translation>Waiting on the applicant</translation>
    </message>
    <message>
        <source>Suspend (time not counted)</source>
        <translation>Suspend (time not counted)</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>&amp;Silent after (minutes):</source>
        <translation>&amp;Silent after (minutes):</translation>
    </message>
    <message>
        <source>Red: no contact for that long (or never). Amber: an old client version.</source>
        <translation>Red: no contact for that long (or never). Amber: an old client version.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Silent for</source>
        <translation>Silent for</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Rejection reasons</source>
        <translation>Rejection reasons</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Clock skew</translation>
    </message>
    <message>
        <source>Client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <source>no client</source>
        <translation>no client</translation>
    </message>
    <message>
        <source>Sync supervision</source>
        <translation>Sync supervision</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Device %1</translation>
    </message>
    <message>
        <source>Silent: this client has not been in touch</source>
        <translation>Silent: this client has not been in touch</translation>
    </message>
    <message>
        <source>Old version: update this client</source>
        <translation>Old version: update this client</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is wrong</source>
        <translation>This computer&apos;s clock is wrong</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket %1</source>
        <translation>Transfer ticket %1</translation>
    </message>
    <message>
        <source>Choose a category, or type a window&apos;s code (or both). The ticket keeps its place in the queue it joins.</source>
        <translation>Choose a category, or type a window&apos;s code (or both). The ticket keeps its place in the queue it joins.</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Window (code):</source>
        <translation>&amp;Window (code):</translation>
    </message>
    <message>
        <source>(the window&apos;s own)</source>
        <translation>(the window&apos;s own)</translation>
    </message>
    <message>
        <source>Category to transfer to</source>
        <translation>Category to transfer to</translation>
    </message>
    <message>
        <source>Window to transfer to</source>
        <translation>Window to transfer to</translation>
    </message>
    <message>
        <source>e.g. W02</source>
        <translation>e.g. W02</translation>
    </message>
</context>
<context>
    <name>VerificationPanel</name>
    <message>
        <source>Verification of the written commitment (核查)</source>
        <translation>Verification of the written commitment (核查)</translation>
    </message>
    <message>
        <source>Fin&amp;ding:</source>
        <translation>Fin&amp;ding:</translation>
    </message>
    <message>
        <source>&amp;Credit note (if false):</source>
        <translation>&amp;Credit note (if false):</translation>
    </message>
    <message>
        <source>Recorded on the applicant&apos;s credit record when the commitment is false</source>
        <translation>Recorded on the applicant&apos;s credit record when the commitment is false</translation>
    </message>
    <message>
        <source>Commitment &amp;holds</source>
        <translation>Commitment &amp;holds</translation>
    </message>
    <message>
        <source>Found fa&amp;lse: revoke</source>
        <translation>Found fa&amp;lse: revoke</translation>
    </message>
    <message>
        <source>The case is revoked (撤销) and the credit note recorded on the applicant</source>
        <translation>The case is revoked (撤销) and the credit note recorded on the applicant</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <source>The department verifies by %1.</source>
        <translation>The department verifies by %1.</translation>
    </message>
    <message>
        <source>Say what the verification found.</source>
        <translation>Say what the verification found.</translation>
    </message>
    <message>
        <source>Write the credit note recorded on the applicant.</source>
        <translation>Write the credit note recorded on the applicant.</translation>
    </message>
    <message>
        <source>Verification recorded.</source>
        <translation>Verification recorded.</translation>
    </message>
</context>
<context>
    <name>VerificationsDue</name>
    <message>
        <source> overdue</source>
        <translation> overdue</translation>
    </message>
    <message>
        <source>Commitments to verify (核查): %1, %2 overdue — %3</source>
        <translation>Commitments to verify (核查): %1, %2 overdue — %3</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <source>Waiting for the records service… (the desk stays usable)</source>
        <translation>Waiting for the records service… (the desk stays usable)</translation>
    </message>
    <message>
        <source>No receipt of yours has this code and number.</source>
        <translation>No receipt of yours has this code and number.</translation>
    </message>
    <message>
        <source>This receipt is voided already.</source>
        <translation>This receipt is voided already.</translation>
    </message>
    <message>
        <source>An electronic receipt is not voided: a refund reverses it.</source>
        <translation>An electronic receipt is not voided: a refund reverses it.</translation>
    </message>
    <message>
        <source>This day is closed (日结); nothing of it can change.</source>
        <translation>This day is closed (日结); nothing of it can change.</translation>
    </message>
    <message>
        <source>This number is not in the receipt stock allotted to you.</source>
        <translation>This number is not in the receipt stock allotted to you.</translation>
    </message>
    <message>
        <source>Check the fields: digits for code and number, and a reason.</source>
        <translation>Check the fields: digits for code and number, and a reason.</translation>
    </message>
    <message>
        <source>Paper payments of this day taken offline have not reached the center yet: the day cannot be closed before they do. Press F5 at the cashier screen once the link is back, then close the day.</source>
        <translation>Paper payments of this day taken offline have not reached the center yet: the day cannot be closed before they do. Press F5 at the cashier screen once the link is back, then close the day.</translation>
    </message>
    <message>
        <source>The records service refused this.</source>
        <translation>The records service refused this.</translation>
    </message>
    <message>
        <source>Void a spoilt receipt</source>
        <translation>Void a spoilt receipt</translation>
    </message>
    <message>
        <source>Receipt code (票据代码)</source>
        <translation>Receipt code (票据代码)</translation>
    </message>
    <message>
        <source>Receipt number (票据号码)</source>
        <translation>Receipt number (票据号码)</translation>
    </message>
    <message>
        <source>Why it is spoilt</source>
        <translation>Why it is spoilt</translation>
    </message>
    <message>
        <source>Receipt &amp;code</source>
        <translation>Receipt &amp;code</translation>
    </message>
    <message>
        <source>Receipt &amp;number</source>
        <translation>Receipt &amp;number</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Ctrl+Enter: void the receipt (it keeps its number)</source>
        <translation>Ctrl+Enter: void the receipt (it keeps its number)</translation>
    </message>
    <message>
        <source>Receipt %1 is voided; its number is kept.</source>
        <translation>Receipt %1 is voided; its number is kept.</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <source>Fee waiver (减免)</source>
        <translation>Fee waiver</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Amount waived (yuan):</source>
        <translation>&amp;Amount waived (yuan):</translation>
    </message>
    <message>
        <source>&amp;Note (which rule):</source>
        <translation>&amp;Note (which rule):</translation>
    </message>
    <message>
        <source>Up to ¥%1 may be waived. Above ¥%2 a lead of the department approves it.</source>
        <translation>Up to ¥%1 may be waived. Above ¥%2 a lead of the department approves it.</translation>
    </message>
    <message>
        <source>Type the amount in yuan, e.g. 20 or 19.50.</source>
        <translation>Type the amount in yuan, e.g. 20 or 19.50.</translation>
    </message>
    <message>
        <source>The amount waived is ¥0.01 to ¥%1.</source>
        <translation>The amount waived is ¥0.01 to ¥%1.</translation>
    </message>
    <message>
        <source>Under &apos;other&apos;, the note names the rule that waives the fee.</source>
        <translation>Under &apos;other&apos;, the note names the rule that waives the fee.</translation>
    </message>
    <message>
        <source>None of this item&apos;s fees may be waived.</source>
        <translation>None of this item&apos;s fees may be waived.</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>Choose a reason from the list.</translation>
    </message>
    <message>
        <source>This waiver is not allowed.</source>
        <translation>This waiver is not allowed.</translation>
    </message>
</context>
<context>
    <name>WindowScreen</name>
    <message>
        <source>Service paused</source>
        <translation>Service paused</translation>
    </message>
    <message>
        <source>Now serving</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>Open — please take a ticket</source>
        <translation>Open — please take a ticket</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <source>Back soon</source>
        <translation>Back soon</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Please have your documents ready</source>
        <translation>Please have your documents ready</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Case no.</source>
        <extracomment>Pages of rows the model holds (an LRU): what is on screen and the pages around it. Right-aligned countdown (the last but one column); the others as the view likes. Role → its place in a row&apos;s painted cells (``WorklistModel._cells_of``). The roles :meth:`WorklistModel.data` answers. (item code, stage code) → stage name, for the parts of joint cases. The index: the keyset cursor of the last row of each page read so far. Rows read so far (the view&apos;s row count). Page number → its rows, least recently used first. Row → its painted cells (:meth:`_cells_of`), for the rows of the pages held.</extracomment>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Joint case · stage</source>
        <translation>Joint case · stage</translation>
    </message>
    <message>
        <source>waiting for its stage</source>
        <translation>waiting for its stage</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspended</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) overdue</source>
        <translation>
            <numerusform>%n working day overdue</numerusform>
            <numerusform>%n working days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>unpaid</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>fee waived</source>
        <translation>fee waived</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>material overdue</source>
        <translation>material overdue</translation>
    </message>
    <message>
        <source>material due</source>
        <translation>material due</translation>
    </message>
    <message>
        <source>Its stage has not opened yet: it is worked once it opens</source>
        <translation>Its stage has not opened yet: it is worked once it opens</translation>
    </message>
    <message>
        <source>容缺 material promised by %1: record it supplied or not supplied</source>
        <translation>Deferred (容缺) material promised by %1: record it supplied or not supplied</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Not yet sent to the center</source>
        <translation>Not yet sent to the center</translation>
    </message>
    <message>
        <source>Refused by the center: open the case to fix it</source>
        <translation>Refused by the center: open the case to fix it</translation>
    </message>
</context>
<context>
    <name>WorklistPane</name>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>Sho&amp;w:</translation>
    </message>
    <message>
        <source>This window&apos;s cases</source>
        <translation>This window&apos;s cases</translation>
    </message>
    <message>
        <source>For my department (joint cases)</source>
        <translation>For my department (joint cases)</translation>
    </message>
    <message>
        <source>The parts of joint cases assigned to your department, whichever window took them in</source>
        <translation>The parts of joint cases assigned to your department, whichever window took them in</translation>
    </message>
    <message>
        <source>Consolidate supplements of joint cases</source>
        <translation>Consolidate supplements of joint cases</translation>
    </message>
    <message>
        <source>Consolidate supplements…</source>
        <translation>Consolidate supplements…</translation>
    </message>
    <message>
        <source>What each department filed, one notice per stage (%1)</source>
        <translation>What each department filed, one notice per stage (%1)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Case no., applicant name, ID last 4 or phone</source>
        <translation>Case no., applicant name, ID last 4 or phone</translation>
    </message>
    <message>
        <source>Search the worklist by case number, name, ID last 4 digits or phone (%1)</source>
        <translation>Search the worklist by case number, name, ID last 4 digits or phone (%1)</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>D&amp;ue:</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Any due date</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n working day(s)</source>
        <translation>
            <numerusform>Due within %n working day</numerusform>
            <numerusform>Due within %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Received to&amp;day</source>
        <translation>Received to&amp;day</translation>
    </message>
    <message>
        <source>Search the worklist</source>
        <translation>Search the worklist</translation>
    </message>
    <message>
        <source>Refresh the worklist</source>
        <translation>Refresh the worklist</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Enter opens the selected case; Shift+F5 refreshes the list</source>
        <translation>Enter opens the selected case; Shift+F5 refreshes the list</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadTab</name>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriod:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>Fro&amp;m:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Group by:</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>Refresh the figures (F5)</translation>
    </message>
    <message>
        <source>Enter or double-click a window to see its cases</source>
        <translation>Enter or double-click a window to see its cases</translation>
    </message>
    <message>
        <source>Workload %1 to %2</source>
        <translation>Workload %1 to %2</translation>
    </message>
</context>
</TS>
