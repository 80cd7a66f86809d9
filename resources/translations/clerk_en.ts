<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptedDialog</name>
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
        <source>&amp;Print receipt…</source>
        <translation>&amp;Print receipt…</translation>
    </message>
    <message>
        <source>Print &amp;slip…</source>
        <translation>Print &amp;slip…</translation>
    </message>
    <message>
        <source>&amp;Next applicant</source>
        <translation>&amp;Next applicant</translation>
    </message>
</context>
<context>
    <name>CatalogPane</name>
    <message>
        <source>Search by name or item code (Ctrl+F)</source>
        <translation>Search by name or item code (Ctrl+F)</translation>
    </message>
    <message>
        <source>Service items</source>
        <translation>Service items</translation>
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
</context>
<context>
    <name>DisclosurePanel</name>
    <message>
        <source>What is accepted (scope and conditions)</source>
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
        <source>No provisioning file was found. Enter the window&apos;s set-up from IT; it is checked with the records service before it is saved.</source>
        <translation>No provisioning file was found. Enter the window&apos;s set-up from IT; it is checked with the records service before it is saved.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
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
        <source>window: checked at the first sign-in, which also registers this computer with the service.</source>
        <translation>window: checked at the first sign-in, which also registers this computer with the service.</translation>
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
        <translation>Accept the case (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
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
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n working day(s) from today)</source>
        <translation>
            <numerusform>%1 (%n working day from today)</numerusform>
            <numerusform>%1 (%n working days from today)</numerusform>
        </translation>
    </message>
    <message>
        <source>Provisional: the holiday calendar for that year is not published yet; weekends only were counted.</source>
        <translation>Provisional: the holiday calendar for that year is not published yet; weekends only were counted.</translation>
    </message>
    <message>
        <source>Pick a service item first.</source>
        <translation>Pick a service item first.</translation>
    </message>
    <message>
        <source>Applicant name</source>
        <translation>Applicant name</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>Resident ID number</translation>
    </message>
    <message>
        <source>Resident ID number (incomplete)</source>
        <translation>Resident ID number (incomplete)</translation>
    </message>
    <message>
        <source>A valid resident ID number</source>
        <translation>A valid resident ID number</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>A valid mobile number</source>
        <translation>A valid mobile number</translation>
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
        <source>Material: %1</source>
        <extracomment>%1 is the name of a required material that is not ticked as received.</extracomment>
        <translation>Material: %1</translation>
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
        <source>Resident &amp;ID:</source>
        <translation>Resident &amp;ID:</translation>
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
        <source>Contact &amp;person:</source>
        <translation>Contact &amp;person:</translation>
    </message>
    <message>
        <source>Contact p&amp;hone:</source>
        <translation>Contact p&amp;hone:</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
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
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Tick &amp;all</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
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
        <source>The last online sign-in at this window is too long ago for an offline sign-in. Sign in while the service is reachable.</source>
        <translation>The last online sign-in at this window is too long ago for an offline sign-in. Sign in while the service is reachable.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
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
        <source>Records service:</source>
        <translation>Records service:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Window Clerk — %1, window %2</source>
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
        <source>About Window Clerk</source>
        <translation>About Window Clerk</translation>
    </message>
    <message>
        <source>Window Clerk %1
Intake client for the windows of a government service center.</source>
        <translation>Window Clerk %1
Intake client for the windows of a government service center.</translation>
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
</context>
<context>
    <name>Ops</name>
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
        <translation>Window Clerk</translation>
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
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Self-check</source>
        <translation>Self-check</translation>
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
        <source>Check again</source>
        <translation>Check again</translation>
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
        <source>The self-check itself failed: %1</source>
        <translation>The self-check itself failed: %1</translation>
    </message>
</context>
</TS>
