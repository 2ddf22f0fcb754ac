<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_GB">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="251"/>
        <source>HR account &apos;{name}&apos; was added.</source>
        <translation>Das HR-Konto „{name}“ wurde angelegt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="260"/>
        <source>Your password was changed. Use it the next time you unlock ExitBot.</source>
        <translation>Ihr Passwort wurde geändert. Verwenden Sie es beim nächsten Entsperren von ExitBot.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="271"/>
        <source>A new password was set for &apos;{name}&apos;. Tell them in person; the recovery key stays valid.</source>
        <translation>Für „{name}“ wurde ein neues Passwort gesetzt. Teilen Sie es der Person persönlich mit; der Wiederherstellungsschlüssel bleibt gültig.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="299"/>
        <source>The answers on the central server are now sealed under a new data key; old copies of the key file no longer open them. The other stations take the new key when HR next unlocks them.</source>
        <translation>Die Antworten auf dem zentralen Server sind jetzt mit einem neuen Datenschlüssel versiegelt; alte Kopien der Schlüsseldatei öffnen sie nicht mehr. Die anderen Gesprächsplätze übernehmen den neuen Schlüssel, sobald die Personalabteilung sie das nächste Mal entsperrt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="307"/>
        <source>The database is now encrypted under a new data key; old copies of the key file no longer open it. The copy from before is in {folder}: delete it once ExitBot has worked for a while, since the old passwords still open it.</source>
        <translation>Die Datenbank ist jetzt mit einem neuen Datenschlüssel verschlüsselt; alte Kopien der Schlüsseldatei öffnen sie nicht mehr. Die Kopie von vorher liegt in {folder}: Löschen Sie sie, sobald ExitBot eine Weile problemlos gelaufen ist, denn die alten Passwörter öffnen sie weiterhin.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="335"/>
        <source>Remove the HR account &apos;{name}&apos;? Its password will no longer unlock ExitBot. The interviews stay as they are. If its owner may have kept a copy of the key file, change the data key afterwards.</source>
        <translation>Das HR-Konto „{name}“ entfernen? Sein Passwort entsperrt ExitBot dann nicht mehr. Die Gespräche bleiben unverändert. Falls die Person eine Kopie der Schlüsseldatei behalten haben könnte, wechseln Sie danach den Datenschlüssel.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="341"/>
        <source>This is your own account: you stay signed in until ExitBot is locked.</source>
        <translation>Das ist Ihr eigenes Konto: Sie bleiben angemeldet, bis ExitBot gesperrt wird.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="344"/>
        <source>Remove an HR account</source>
        <translation>Ein HR-Konto entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="346"/>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="356"/>
        <source>HR account &apos;{name}&apos; was removed.</source>
        <translation>Das HR-Konto „{name}“ wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="364"/>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="483"/>
        <source>Make a new recovery key</source>
        <translation>Einen neuen Wiederherstellungsschlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="366"/>
        <source>The current recovery key stops working at once, printed copies included. The new one is shown once, to print or save. Make a new one?</source>
        <translation>Der aktuelle Wiederherstellungsschlüssel wird sofort ungültig, auch auf ausgedruckten Blättern. Der neue wird einmal angezeigt, zum Drucken oder Speichern. Einen neuen erstellen?</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="369"/>
        <source>Make a new key</source>
        <translation>Neuen Schlüssel erstellen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="379"/>
        <source>A new recovery key was made; the old one no longer works.</source>
        <translation>Ein neuer Wiederherstellungsschlüssel wurde erstellt; der alte gilt nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="396"/>
        <source>Type the receipt code from the employee&apos;s erasure request.</source>
        <translation>Geben Sie den Belegcode aus dem Löschantrag der Person ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="406"/>
        <source>started {time}</source>
        <translation>begonnen {time}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="408"/>
        <source>completed {time}</source>
        <translation>abgeschlossen {time}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="410"/>
        <source>not completed</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="412"/>
        <source>department {name}</source>
        <translation>Abteilung {name}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="414"/>
        <source>role {name}</source>
        <translation>Funktion {name}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="416"/>
        <source>1 answer</source>
        <translation>1 Antwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="418"/>
        <source>{count} answers</source>
        <translation>{count} Antworten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="421"/>
        <source>Erase an interview</source>
        <translation>Ein Gespräch löschen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="423"/>
        <source>Erase the interview with receipt {code} ({facts})? All its answers, follow-ups, notes and analysis are deleted for good. The audit log records the erasure with the receipt code only.</source>
        <translation>Das Gespräch mit dem Belegcode {code} ({facts}) löschen? Alle Antworten, Nachfragen, Notizen und Auswertungen werden endgültig gelöscht. Das Prüfprotokoll verzeichnet die Löschung nur mit dem Belegcode.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="427"/>
        <source>Erase for good</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="442"/>
        <source>The interview with receipt {code} was erased with all its answers and analysis; the audit log keeps only the receipt code.</source>
        <translation>Das Gespräch mit dem Belegcode {code} wurde mit allen Antworten und Auswertungen gelöscht; das Prüfprotokoll behält nur den Belegcode.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="453"/>
        <source>Accounts and keys</source>
        <translation>Konten und Schlüssel</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="454"/>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="458"/>
        <source>HR accounts</source>
        <translation>HR-Konten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="456"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="456"/>
        <source>Added</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="456"/>
        <source>Last unlocked</source>
        <translation>Zuletzt entsperrt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="460"/>
        <source>You are signed in as &apos;{name}&apos;.</source>
        <translation>Sie sind als „{name}“ angemeldet.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="464"/>
        <source>Add acc&amp;ount…</source>
        <translation>Konto &amp;hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="465"/>
        <source>Add an HR account</source>
        <translation>Ein HR-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="466"/>
        <source>&amp;Remove account…</source>
        <translation>Konto entfe&amp;rnen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="467"/>
        <source>Remove the selected HR account</source>
        <translation>Das ausgewählte HR-Konto entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="468"/>
        <source>Reset with recovery &amp;key…</source>
        <translation>Passwort &amp;zurücksetzen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="470"/>
        <source>Reset the selected account&apos;s password with the recovery key</source>
        <translation>Das Passwort des ausgewählten Kontos mit dem Wiederherstellungsschlüssel zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="472"/>
        <source>&amp;Change my password…</source>
        <translation>&amp;Mein Passwort ändern …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="473"/>
        <source>Change my password</source>
        <translation>Mein Passwort ändern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="474"/>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="477"/>
        <source>The printed recovery key opens ExitBot when every password is lost. Make a new one when the old one may have been seen or lost; the old one then stops working.</source>
        <translation>Der ausgedruckte Wiederherstellungsschlüssel öffnet ExitBot, wenn alle Passwörter verloren sind. Erstellen Sie einen neuen, wenn der alte von anderen gesehen worden oder verloren gegangen sein könnte; der alte wird dann ungültig.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="482"/>
        <source>&amp;New recovery key…</source>
        <translation>&amp;Neuer Wiederherstellungsschlüssel …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="486"/>
        <source>Change the data key when a copy of the key file may have left with someone, for example an officer whose account was removed. The database is copied first and re-encrypted all at once.</source>
        <translation>Wechseln Sie den Datenschlüssel, wenn jemand eine Kopie der Schlüsseldatei mitgenommen haben könnte, zum Beispiel eine Person, deren Konto entfernt wurde. Die Datenbank wird zuerst kopiert und dann in einem Zug neu verschlüsselt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="491"/>
        <source>Change the data ke&amp;y…</source>
        <translation>Datenschlüssel &amp;wechseln …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="492"/>
        <source>Change the data key</source>
        <translation>Den Datenschlüssel wechseln</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="493"/>
        <source>Erasure request</source>
        <translation>Löschantrag</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="496"/>
        <source>An employee who asks for their interview to be erased gives the receipt code they were shown at the end. ExitBot names the interview and asks before it erases anything.</source>
        <translation>Wer die Löschung des eigenen Gesprächs verlangt, nennt den Belegcode, der am Ende des Gesprächs angezeigt wurde. ExitBot nennt das Gespräch und fragt nach, bevor etwas gelöscht wird.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="501"/>
        <source>Recei&amp;pt code:</source>
        <translation>Beleg&amp;code:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="502"/>
        <source>Receipt code</source>
        <translation>Belegcode</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="503"/>
        <source>e.g. EX-7KQ2M9PA</source>
        <translation>z. B. EX-7KQ2M9PA</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="504"/>
        <source>&amp;Erase interview…</source>
        <translation>Gespräch l&amp;öschen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/accounts_page.py" line="505"/>
        <source>Find and erase the interview</source>
        <translation>Das Gespräch suchen und löschen</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="199"/>
        <source>Add an HR account</source>
        <translation>Ein HR-Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="201"/>
        <source>The new officer unlocks ExitBot with their own name and password and sees everything you see. Let them type the password themselves.</source>
        <translation>Die neue Person entsperrt ExitBot mit eigenem Namen und Passwort und sieht alles, was Sie sehen. Lassen Sie sie das Passwort selbst eingeben.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="204"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="207"/>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontoname:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="213"/>
        <source>Please type a name for the new account.</source>
        <translation>Bitte geben Sie einen Namen für das neue Konto ein.</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/answer_inputs.py" line="243"/>
        <source>Not at all likely</source>
        <translation>Überhaupt nicht wahrscheinlich</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/answer_inputs.py" line="244"/>
        <source>Extremely likely</source>
        <translation>Äußerst wahrscheinlich</translation>
    </message>
</context>
<context>
    <name>ArmPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="160"/>
        <source>Start an interview</source>
        <translation>Ein Gespräch beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="163"/>
        <source>Fill in what you know; every field is optional unless marked. The employee does not see these details. Then hand the computer over.</source>
        <translation>Füllen Sie aus, was Sie wissen; alle Felder sind freiwillig, sofern nicht markiert. Die ausscheidende Person sieht diese Angaben nicht. Übergeben Sie dann den Computer.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="167"/>
        <source>About the leaving employee</source>
        <translation>Zur ausscheidenden Person</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="168"/>
        <source>The interview</source>
        <translation>Das Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="171"/>
        <source>&amp;Department:</source>
        <translation>&amp;Abteilung:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="171"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="172"/>
        <source>&amp;Role:</source>
        <translation>&amp;Funktion:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="172"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="173"/>
        <source>&amp;Time with us:</source>
        <translation>&amp;Betriebszugehörigkeit:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="173"/>
        <source>Time with the organisation</source>
        <translation>Betriebszugehörigkeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="174"/>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="174"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="175"/>
        <source>&amp;Manager:</source>
        <translation>&amp;Führungskraft:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="175"/>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="176"/>
        <source>Leaving &amp;date:</source>
        <translation>Austritts&amp;datum:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="176"/>
        <source>Leaving date</source>
        <translation>Austrittsdatum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="177"/>
        <source>Leaving &amp;type:</source>
        <translation>Art des Aus&amp;tritts:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="177"/>
        <source>Leaving type</source>
        <translation>Art des Austritts</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="180"/>
        <source>Answers are:</source>
        <translation>Antworten sind:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="180"/>
        <source>Anonymous interview</source>
        <translation>Anonymes Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="181"/>
        <source>Employee &amp;name:</source>
        <translation>&amp;Name der Person:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="181"/>
        <source>Employee name</source>
        <translation>Name der Person</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="182"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="182"/>
        <source>Interview language</source>
        <translation>Sprache des Gesprächs</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="187"/>
        <source> (required)</source>
        <translation> (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="191"/>
        <source>Named interview</source>
        <translation>Gespräch mit Namen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="192"/>
        <source>&amp;Anonymous</source>
        <translation>A&amp;nonym</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="193"/>
        <source>Na&amp;med</source>
        <translation>&amp;Mit Namen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="194"/>
        <source>Known:</source>
        <translation>Bekannt:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="195"/>
        <source>Leaving date known</source>
        <translation>Austrittsdatum bekannt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="199"/>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="216"/>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="203"/>
        <source>Less than 1 year</source>
        <translation>Weniger als 1 Jahr</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="204"/>
        <source>1 to 2 years</source>
        <translation>1 bis 2 Jahre</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="205"/>
        <source>2 to 5 years</source>
        <translation>2 bis 5 Jahre</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="206"/>
        <source>5 to 10 years</source>
        <translation>5 bis 10 Jahre</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="207"/>
        <source>More than 10 years</source>
        <translation>Mehr als 10 Jahre</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="217"/>
        <source>Voluntary</source>
        <translation>Freiwillig (Eigenkündigung)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="217"/>
        <source>Involuntary</source>
        <translation>Unfreiwillig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="220"/>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="221"/>
        <source>Cancel and go back</source>
        <translation>Abbrechen und zurück</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="222"/>
        <source>&amp;Hand over to the employee</source>
        <translation>An die Person &amp;übergeben</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="223"/>
        <source>Hand over to the employee</source>
        <translation>An die Person übergeben</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="242"/>
        <source>The employee&apos;s name is stored with the answers and they are told so.</source>
        <translation>Der Name wird mit den Antworten gespeichert, und die Person erfährt das.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="244"/>
        <source>No name is stored; the employee is told the interview is anonymous.</source>
        <translation>Es wird kein Name gespeichert; die Person erfährt, dass das Gespräch anonym ist.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="246"/>
        <source>(Set by your organisation&apos;s policy.)</source>
        <translation>(Durch die Richtlinie Ihrer Organisation festgelegt.)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="263"/>
        <source>Please fill in the fields marked with *: the policy requires them.</source>
        <translation>Bitte füllen Sie die mit * markierten Felder aus; die Richtlinie verlangt sie.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/arm.py" line="265"/>
        <source>Please enter the employee&apos;s name for a named interview.</source>
        <translation>Bitte geben Sie für ein Gespräch mit Namen den Namen der Person ein.</translation>
    </message>
</context>
<context>
    <name>Assistant</name>
    <message>
        <location filename="../../exitbot_desktop/ui/assistant.py" line="58"/>
        <source>Loading the assistant…</source>
        <translation>Der Assistent wird geladen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/assistant.py" line="119"/>
        <source>{backend} · loading…</source>
        <translation>{backend} · wird geladen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/assistant.py" line="135"/>
        <source>Built-in questions (no AI model): {reason}</source>
        <translation>Eingebaute Fragen (kein KI-Modell): {reason}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/assistant.py" line="145"/>
        <source>{backend} is not available; using built-in questions</source>
        <translation>{backend} ist nicht verfügbar; es werden eingebaute Fragen verwendet</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="183"/>
        <source>Type dates as year-month-day, for example 2026-03-31, or leave them empty.</source>
        <translation>Bitte Daten als Jahr-Monat-Tag eingeben, zum Beispiel 2026-03-31, oder leer lassen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="224"/>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="335"/>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="233"/>
        <source>Verifying…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="245"/>
        <source>Verified: all {n} entries are sealed and in place, and the log ends where the key file says it should.</source>
        <translation>Geprüft: Alle {n} Einträge sind versiegelt und vollständig, und das Protokoll endet dort, wo es laut Schlüsseldatei enden muss.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="265"/>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="319"/>
        <source>&amp;Verify the log</source>
        <translation>Protokoll &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="271"/>
        <source>Export the shown entries</source>
        <translation>Die angezeigten Einträge exportieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="273"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="216"/>
        <source>1 entry shown</source>
        <translation>1 Eintrag angezeigt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="218"/>
        <source>{count} entries shown</source>
        <translation>{count} Einträge angezeigt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="293"/>
        <source>Exported 1 entry to {path}. The export is recorded in the log.</source>
        <translation>1 Eintrag nach {path} exportiert. Der Export ist im Protokoll vermerkt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="296"/>
        <source>Exported {count} entries to {path}. The export is recorded in the log.</source>
        <translation>{count} Einträge nach {path} exportiert. Der Export ist im Protokoll vermerkt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="309"/>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="312"/>
        <source>Every unlock, export, erasure, account change and settings change is recorded here. Each entry is sealed with a key only this database holds and linked to the one before, so a changed, removed or rolled-back entry shows up when the log is verified.</source>
        <translation>Jedes Entsperren, jeder Export, jede Löschung und jede Änderung an Konten oder Einstellungen wird hier verzeichnet. Jeder Eintrag ist mit einem Schlüssel versiegelt, den nur diese Datenbank kennt, und mit dem vorigen verkettet. Wurde ein Eintrag geändert, entfernt oder auf einen älteren Stand zurückgesetzt, fällt das beim Prüfen des Protokolls auf.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="320"/>
        <source>Verify the audit log</source>
        <translation>Das Prüfprotokoll auf Veränderungen prüfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="321"/>
        <source>Acti&amp;on</source>
        <translation>Akt&amp;ion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="322"/>
        <source>&amp;From day</source>
        <translation>&amp;Ab Datum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="323"/>
        <source>U&amp;ntil day</source>
        <translation>Bis Dat&amp;um</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="324"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="325"/>
        <source>From day</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="326"/>
        <source>Until day</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="328"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="329"/>
        <source>&amp;Clear filter</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="330"/>
        <source>Clear the filter</source>
        <translation>Den Filter zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="331"/>
        <source>E&amp;xport shown to CSV…</source>
        <translation>Angezeigte als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="332"/>
        <source>Export the shown entries to a CSV file</source>
        <translation>Die angezeigten Einträge in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_page.py" line="333"/>
        <source>Audit log entries</source>
        <translation>Einträge des Prüfprotokolls</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_model.py" line="71"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_model.py" line="72"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_model.py" line="73"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_model.py" line="74"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/audit_model.py" line="75"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BackendTestPanel</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="66"/>
        <source>Testing the assistant: loading it and asking one sample question…</source>
        <translation>Der Assistent wird getestet: Er wird geladen und bekommt eine Beispielfrage …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="81"/>
        <source>Test stopped.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="84"/>
        <source>Test the assista&amp;nt</source>
        <translation>Ass&amp;istenten testen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="86"/>
        <source>Test the assistant with the values above, saved or not</source>
        <translation>Den Assistenten mit den Werten oben testen, gespeichert oder nicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="88"/>
        <source>Sto&amp;p test</source>
        <translation>Test beende&amp;n</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="89"/>
        <source>Stop the assistant test</source>
        <translation>Den Test des Assistenten beenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="96"/>
        <source>It writes no text stream, so there is no first-word time.</source>
        <translation>Er liefert keinen Textstrom, daher gibt es keine Zeit bis zum ersten Wort.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="98"/>
        <source>First word after {ms} ms.</source>
        <translation>Erstes Wort nach {ms} ms.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="100"/>
        <source>Backend: {name}. {speed}</source>
        <translation>Backend: {name}. {speed}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="102"/>
        <source>Sample follow-up: “{text}”</source>
        <translation>Beispiel-Nachfrage: „{text}“</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="105"/>
        <source>The built-in questions wrote it, because the assistant failed: {problem}</source>
        <translation>Die eingebauten Fragen haben sie geschrieben, weil der Assistent versagt hat: {problem}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backend_test.py" line="109"/>
        <source>The built-in questions wrote it: the assistant&apos;s own text did not pass the checks every follow-up must pass.</source>
        <translation>Die eingebauten Fragen haben sie geschrieben: Der Text des Assistenten hat die Prüfungen nicht bestanden, die jede Nachfrage bestehen muss.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="176"/>
        <source>Back up into which folder?</source>
        <translation>In welchen Ordner sichern?</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="209"/>
        <source>Backed up to {folder} ({size}, encrypted).</source>
        <translation>Gesichert in {folder} ({size}, verschlüsselt).</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="244"/>
        <source>Backup and health</source>
        <translation>Sicherung und Zustand</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="245"/>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="248"/>
        <source>A backup is a new dated folder holding the encrypted database, its key file and a list of checksums. It stays encrypted: it opens only with an HR password or the recovery key. Keep it on another disk, such as a USB drive.</source>
        <translation>Eine Sicherung ist ein neuer Ordner mit Datum. Er enthält die verschlüsselte Datenbank, ihre Schlüsseldatei und eine Liste von Prüfsummen. Die Sicherung bleibt verschlüsselt: Sie lässt sich nur mit einem HR-Passwort oder dem Wiederherstellungsschlüssel öffnen. Bewahren Sie sie auf einem anderen Datenträger auf, etwa einem USB-Stick.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="258"/>
        <source>No backup has been made yet.</source>
        <translation>Es wurde noch keine Sicherung angelegt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="261"/>
        <source>Last backup: {time}, in {folder}</source>
        <translation>Letzte Sicherung: {time}, in {folder}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="265"/>
        <source>Back up &amp;now…</source>
        <translation>Jetzt si&amp;chern…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="266"/>
        <source>Back up now into a folder you choose</source>
        <translation>Jetzt in einen Ordner Ihrer Wahl sichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="267"/>
        <source>&amp;Cancel backup</source>
        <translation>Sicherung abb&amp;rechen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="268"/>
        <source>Cancel the backup</source>
        <translation>Die Sicherung abbrechen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="269"/>
        <source>Backup progress</source>
        <translation>Fortschritt der Sicherung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="272"/>
        <source>This computer is a station of a central server: it sends each interview there, and keeps it only until the server has it. IT backs the server up there (see the IT guide); there is nothing to back up here.</source>
        <translation>Dieser Computer ist ein Gesprächsplatz eines zentralen Servers: Er schickt jedes Gespräch dorthin und bewahrt es nur so lange auf, bis der Server es hat. Die IT sichert den Server dort (siehe IT-Leitfaden); hier gibt es nichts zu sichern.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="277"/>
        <source>Automatic backup</source>
        <translation>Automatische Sicherung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="278"/>
        <source>Back up aut&amp;omatically</source>
        <translation>Aut&amp;omatisch sichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="279"/>
        <source>Back up automatically</source>
        <translation>Automatisch sichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="280"/>
        <source>&amp;Keep the newest</source>
        <translation>Die &amp;neuesten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="281"/>
        <source>automatic backups</source>
        <translation>automatischen Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="282"/>
        <source>Automatic backups to keep</source>
        <translation>Anzahl der aufbewahrten automatischen Sicherungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="286"/>
        <source>When this is on, ExitBot backs up each time it is locked or closed, into {folder}. Older automatic backups beyond that number are deleted; those made with Back up now never are. IT can choose another folder (the backup_folder setting).</source>
        <translation>Ist dies eingeschaltet, sichert ExitBot bei jedem Sperren und Schließen in {folder}. Ältere automatische Sicherungen über diese Anzahl hinaus werden gelöscht, solche über „Jetzt sichern“ nie. Die IT kann einen anderen Ordner wählen (die Einstellung backup_folder).</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="292"/>
        <source>&amp;Refresh figures</source>
        <translation>Zahlen neu l&amp;aden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/backup_page.py" line="293"/>
        <source>Refresh the health figures</source>
        <translation>Die Zahlen zum Zustand aktualisieren</translation>
    </message>
</context>
<context>
    <name>CarePanel</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="41"/>
        <source>Thank you for telling us</source>
        <translation>Danke, dass Sie uns das erzählen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="44"/>
        <source>What you wrote sounds hard. Your answer is saved, and you don&apos;t have to go on right now. If you would like to talk to someone, you can reach:</source>
        <translation>Was Sie geschrieben haben, klingt schwer. Ihre Antwort ist gespeichert, und Sie müssen jetzt nicht weitermachen. Wenn Sie mit jemandem sprechen möchten, erreichen Sie:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="53"/>
        <source>The HR team, who can put you in touch with support.</source>
        <translation>Das Personalteam, das Ihnen Unterstützung vermitteln kann.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="56"/>
        <source>Support contacts: {contacts}</source>
        <translation>Ansprechpersonen: {contacts}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="59"/>
        <source>If you are in danger right now, please call your local emergency number.</source>
        <translation>Wenn Sie gerade in Gefahr sind, rufen Sie bitte den Notruf (112) an.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="61"/>
        <source>&amp;Take a break</source>
        <translation>&amp;Pause machen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="62"/>
        <source>Take a break</source>
        <translation>Pause machen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="63"/>
        <source>C&amp;ontinue the interview</source>
        <translation>Gespräch &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="64"/>
        <source>Continue the interview</source>
        <translation>Gespräch fortsetzen</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="231"/>
        <source>Change your password</source>
        <translation>Ihr Passwort ändern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="233"/>
        <source>The new password replaces the current one for &apos;{account}&apos; at once. The interviews are not re-encrypted; this takes a moment.</source>
        <translation>Das neue Passwort ersetzt das bisherige für „{account}“ sofort. Die Gespräche werden nicht neu verschlüsselt; das dauert nur einen Moment.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="236"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="239"/>
        <source>&amp;Current password:</source>
        <translation>&amp;Aktuelles Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="245"/>
        <source>Please type your current password.</source>
        <translation>Bitte geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="181"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="59"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="57"/>
        <source>Correct the analysis</source>
        <translation>Auswertung korrigieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="62"/>
        <source>Tick what this answer is about and choose its tone. Your correction is kept when the answer is analysed again, and the audit log records it.</source>
        <translation>Kreuzen Sie an, worum es in dieser Antwort geht, und wählen Sie ihre Tonlage. Ihre Korrektur bleibt erhalten, wenn die Antwort erneut ausgewertet wird, und das Prüfprotokoll hält sie fest.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="72"/>
        <source>Themes</source>
        <translation>Themen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="79"/>
        <source>Tone of the answer</source>
        <translation>Tonlage der Antwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="84"/>
        <source>&amp;Tone:</source>
        <translation>&amp;Tonlage:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="90"/>
        <source>&amp;Save correction</source>
        <translation>Korrektur &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="91"/>
        <source>Save correction</source>
        <translation>Korrektur speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/correction_dialog.py" line="93"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DashboardFigures</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="131"/>
        <source>Fewer than {size} completed interviews match this selection, so no further figures, breakdowns or quotes are shown. Widen the date range or remove a filter to see results.</source>
        <translation>Weniger als {size} abgeschlossene Gespräche passen zu dieser Auswahl, daher werden keine weiteren Zahlen, Aufschlüsselungen oder Zitate gezeigt. Erweitern Sie den Zeitraum oder entfernen Sie einen Filter, um Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="144"/>
        <source>Content figures (reasons, tone, ratings, eNPS, breakdowns) count completed interviews; “where interviews stop” counts every started interview. Reasons and tone are indicators, not verdicts: read the individual answers before acting on a figure.</source>
        <translation>Inhaltliche Zahlen (Gründe, Tonlage, Bewertungen, eNPS, Aufschlüsselungen) zählen abgeschlossene Gespräche; „Wo Gespräche enden“ zählt jedes begonnene Gespräch. Gründe und Tonlage sind Hinweise, keine Urteile: Lesen Sie die einzelnen Antworten, bevor Sie aufgrund einer Zahl handeln.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="172"/>
        <source>interviews in this selection</source>
        <translation>Gespräche in dieser Auswahl</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="173"/>
        <source>interviews completed</source>
        <translation>Gespräche abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="177"/>
        <source>of those started were completed</source>
        <translation>der begonnenen wurden abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="182"/>
        <source>eNPS (−100 to 100)</source>
        <translation>eNPS (−100 bis 100)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="183"/>
        <source>average satisfaction (1–5)</source>
        <translation>durchschnittliche Zufriedenheit (1–5)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="187"/>
        <source>of written answers got a follow-up</source>
        <translation>der Textantworten bekamen eine Nachfrage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="189"/>
        <source>would work here again</source>
        <translation>würden wieder hier arbeiten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="190"/>
        <source>urgent issues reported</source>
        <translation>dringende Hinweise gemeldet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="212"/>
        <source>Why people leave</source>
        <translation>Warum Menschen gehen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="214"/>
        <source>No reasons were found in the written answers.</source>
        <translation>In den schriftlichen Antworten wurden keine Gründe gefunden.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="219"/>
        <source>Reasons raised in written answers. One interview can raise several, so the shares add up to more than 100%. Choose a bar to list those interviews.</source>
        <translation>In schriftlichen Antworten genannte Gründe. Ein Gespräch kann mehrere nennen, daher ergeben die Anteile zusammen mehr als 100 %. Wählen Sie einen Balken, um diese Gespräche aufzulisten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="230"/>
        <source>Why people leave: reasons raised</source>
        <translation>Warum Menschen gehen: genannte Gründe</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="101"/>
        <source>Tone of written answers</source>
        <translation>Tonlage der schriftlichen Antworten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="246"/>
        <source>{total} written answers: {negative} negative, {neutral} neutral, {positive} positive.</source>
        <translation>{total} schriftliche Antworten: {negative} negativ, {neutral} neutral, {positive} positiv.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="252"/>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="253"/>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="254"/>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="264"/>
        <source>No written answers yet.</source>
        <translation>Noch keine schriftlichen Antworten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="268"/>
        <source>Would they recommend us? (eNPS)</source>
        <translation>Würden sie uns empfehlen? (eNPS)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="270"/>
        <source>Nobody answered the 0–10 question yet.</source>
        <translation>Noch niemand hat die Frage mit der Skala 0–10 beantwortet.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="276"/>
        <source>eNPS {score}: the share of promoters minus the share of detractors, from −100 to 100.</source>
        <translation>eNPS {score}: der Anteil der Förderer minus der Anteil der Kritiker, von −100 bis 100.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="282"/>
        <source>Detractors (0–6)</source>
        <translation>Kritiker (0–6)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="283"/>
        <source>Passives (7–8)</source>
        <translation>Unentschlossene (7–8)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="284"/>
        <source>Promoters (9–10)</source>
        <translation>Förderer (9–10)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="291"/>
        <source>Satisfaction ratings</source>
        <translation>Zufriedenheitsbewertungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="294"/>
        <source>No ratings were given yet.</source>
        <translation>Noch wurden keine Bewertungen abgegeben.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="298"/>
        <source>How many chose 1 (very dissatisfied) to 5; each question&apos;s average first.</source>
        <translation>Wie viele 1 (sehr unzufrieden) bis 5 gewählt haben; vorne der Durchschnitt jeder Frage.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="307"/>
        <source>1 very dissatisfied</source>
        <translation>1 sehr unzufrieden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="311"/>
        <source>5 very satisfied</source>
        <translation>5 sehr zufrieden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="321"/>
        <source>Month by month</source>
        <translation>Monat für Monat</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="323"/>
        <source>The trend shows once interviews span two months.</source>
        <translation>Der Verlauf erscheint, sobald die Gespräche zwei Monate umfassen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="331"/>
        <source>started</source>
        <translation>begonnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="332"/>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="341"/>
        <source>Main reason chosen</source>
        <translation>Gewählter Hauptgrund</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="342"/>
        <source>Answers to “{question}”</source>
        <translation>Antworten auf „{question}“</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="356"/>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="370"/>
        <source>Urgent issues reported</source>
        <translation>Gemeldete dringende Hinweise</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="358"/>
        <source>&amp;Open the interviews with urgent issues</source>
        <translation>Gespräche mit dringenden Hinweisen &amp;öffnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="361"/>
        <source>No urgent issues were reported.</source>
        <translation>Es wurden keine dringenden Hinweise gemeldet.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="366"/>
        <source>Issue</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="366"/>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="421"/>
        <source>Interviews</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="376"/>
        <source>Each one is highlighted in the interview list; open the interviews to follow them up.</source>
        <translation>Jeder ist in der Gesprächsliste hervorgehoben; öffnen Sie die Gespräche, um ihm nachzugehen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="390"/>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="405"/>
        <source>Breakdowns</source>
        <translation>Aufschlüsselungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="393"/>
        <source>Groups with fewer than {size} completed interviews are not named and their figures are not shown; they are counted in the grey line. When those together are still fewer than {size}, the next smallest group is withheld too, so no figure can be worked out by subtraction.</source>
        <translation>Gruppen mit weniger als {size} abgeschlossenen Gesprächen werden nicht genannt und ihre Zahlen nicht gezeigt; sie werden in der grauen Zeile gezählt. Sind diese zusammen noch weniger als {size}, wird auch die nächstkleinere Gruppe zurückgehalten, damit sich keine Zahl durch Subtraktion ermitteln lässt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="406"/>
        <source>Break the figures down by</source>
        <translation>Zahlen aufschlüsseln nach</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="401"/>
        <source>No group is large enough to show.</source>
        <translation>Keine Gruppe ist groß genug, um gezeigt zu werden.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="403"/>
        <source>Choose a row to list its interviews.</source>
        <translation>Wählen Sie eine Zeile, um ihre Gespräche aufzulisten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="422"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="423"/>
        <source>Avg. rating</source>
        <translation>Ø Bewertung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="424"/>
        <source>eNPS</source>
        <translation>eNPS</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="425"/>
        <source>Top reason</source>
        <translation>Häufigster Grund</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="442"/>
        <source>1 group withheld ({count} interviews)</source>
        <translation>1 Gruppe zurückgehalten ({count} Gespräche)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="444"/>
        <source>{groups} groups withheld ({count} interviews)</source>
        <translation>{groups} Gruppen zurückgehalten ({count} Gespräche)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="448"/>
        <source>suppressed</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="451"/>
        <source>Breakdown by {title}</source>
        <translation>Aufschlüsselung nach {title}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="463"/>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="497"/>
        <source>Where interviews stop</source>
        <translation>Wo Gespräche enden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="467"/>
        <source>Among all started interviews: how many reached each question, how many skipped it, and how many unfinished interviews stopped there.</source>
        <translation>Unter allen begonnenen Gesprächen: wie viele jede Frage erreichten, wie viele sie übersprangen und wie viele unvollendete Gespräche dort endeten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="473"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="474"/>
        <source>Reached</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="475"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="476"/>
        <source>Stopped here</source>
        <translation>Hier beendet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="477"/>
        <source>Median time</source>
        <translation>Median Zeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="478"/>
        <source>Median length</source>
        <translation>Median Länge</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="488"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="491"/>
        <source>{chars} chars</source>
        <translation>{chars} Zeichen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="504"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="505"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="506"/>
        <source>Tenure</source>
        <translation>Betriebszugehörigkeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="507"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="508"/>
        <source>Voluntary / involuntary</source>
        <translation>Freiwillig / unfreiwillig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_figures.py" line="518"/>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="111"/>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="153"/>
        <source>Counting the interviews for this filter…</source>
        <translation>Die Gespräche für diesen Filter werden gezählt …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="144"/>
        <source>Filter in force: {filters}</source>
        <translation>Geltender Filter: {filters}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="148"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="149"/>
        <source>Change &amp;filters…</source>
        <translation>F&amp;ilter ändern …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/dashboard_page.py" line="150"/>
        <source>Change the filters on the Interviews page</source>
        <translation>Die Filter auf der Seite Gespräche ändern</translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/discard.py" line="27"/>
        <source>Discard interview</source>
        <translation>Gespräch verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/discard.py" line="28"/>
        <source>Discard this unfinished interview? Its answers will be deleted; only the fact that it was discarded is kept.</source>
        <translation>Dieses unterbrochene Gespräch verwerfen? Die Antworten werden gelöscht; nur die Tatsache, dass es verworfen wurde, bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>EmployeeMode</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/mode.py" line="224"/>
        <location filename="../../exitbot_desktop/ui/employee/mode.py" line="225"/>
        <source>For HR staff: end interview mode</source>
        <translation>Für das Personalteam: Gesprächsmodus beenden</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../exitbot_desktop/ui/errors.py" line="46"/>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/errors.py" line="47"/>
        <source>Something unexpected went wrong inside ExitBot. Everything saved so far is safe. If this keeps happening, please tell your IT team; the details are in the ExitBot log.</source>
        <translation>In ExitBot ist etwas Unerwartetes passiert. Alles bisher Gespeicherte ist sicher. Wenn das wieder vorkommt, informieren Sie bitte Ihre IT; die Einzelheiten stehen im ExitBot-Protokoll.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="161"/>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="196"/>
        <source>C&amp;lose</source>
        <translation>Sch&amp;ließen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="167"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="179"/>
        <source>Export interviews</source>
        <translation>Gespräche exportieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="181"/>
        <source>Covers: {selection}</source>
        <translation>Umfasst: {selection}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="183"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="184"/>
        <source>&amp;Report (PDF)</source>
        <translation>&amp;Bericht (PDF)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="143"/>
        <source>Cancel e&amp;xport</source>
        <translation>Export abbre&amp;chen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="185"/>
        <source>Spreadsheet (&amp;CSV)</source>
        <translation>&amp;Tabelle (CSV)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="186"/>
        <source>&amp;Data (JSON)</source>
        <translation>&amp;Daten (JSON)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="187"/>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="188"/>
        <source>One per &amp;answer</source>
        <translation>Eine je &amp;Antwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="189"/>
        <source>One per &amp;interview</source>
        <translation>Eine je &amp;Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="190"/>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="191"/>
        <source>A&amp;nonymised</source>
        <translation>Anony&amp;misiert</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="192"/>
        <source>Na&amp;med</source>
        <translation>Mit &amp;Namen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="193"/>
        <source>PDF &amp;password (optional):</source>
        <translation>PDF-&amp;Passwort (freiwillig):</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="194"/>
        <source>Password for the PDF</source>
        <translation>Passwort für das PDF</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/export_dialog.py" line="195"/>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
</context>
<context>
    <name>FollowupChat</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="55"/>
        <source>The assistant is writing a follow-up question</source>
        <translation>Der Assistent schreibt eine Nachfrage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="56"/>
        <source>Your reply to the follow-up question</source>
        <translation>Ihre Antwort auf die Nachfrage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="57"/>
        <source>Skip this follo&amp;w-up</source>
        <translation>Nachfrage über&amp;springen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="58"/>
        <source>Skip this follow-up question</source>
        <translation>Diese Nachfrage überspringen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="86"/>
        <source>(skipped)</source>
        <translation>(übersprungen)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="92"/>
        <source>Follow-up question</source>
        <translation>Nachfrage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="110"/>
        <source>Follow-up question: {text}</source>
        <translation>Nachfrage: {text}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/followup_chat.py" line="127"/>
        <source>Writing {dots}</source>
        <translation>Schreibt {dots}</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="22"/>
        <source>no text</source>
        <translation>kein Text</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="23"/>
        <source>not a question</source>
        <translation>keine Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="24"/>
        <source>too long</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="25"/>
        <source>more than one question</source>
        <translation>mehr als eine Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="26"/>
        <source>repeats the question</source>
        <translation>wiederholt die Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="27"/>
        <source>repeats an earlier follow-up</source>
        <translation>wiederholt eine frühere Nachfrage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="28"/>
        <source>made a promise</source>
        <translation>enthielt ein Versprechen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="29"/>
        <source>legal or medical advice</source>
        <translation>rechtlicher oder medizinischer Rat</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="30"/>
        <source>wrong language</source>
        <translation>falsche Sprache</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="31"/>
        <source>formatting or role labels</source>
        <translation>Formatierung oder Rollenbezeichnungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="32"/>
        <source>the model failed</source>
        <translation>das Modell ist ausgefallen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="33"/>
        <source>the model was too slow to start</source>
        <translation>das Modell hat zu spät begonnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="34"/>
        <source>the model was too slow to finish</source>
        <translation>das Modell ist zu spät fertig geworden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="36"/>
        <source>the model was paused after repeated failures</source>
        <translation>das Modell wurde nach wiederholten Fehlern pausiert</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="66"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="68"/>
        <source>Assistant:</source>
        <translation>Assistent:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="69"/>
        <source>Recent speed:</source>
        <translation>Geschwindigkeit zuletzt:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="70"/>
        <source>Follow-up questions:</source>
        <translation>Nachfragen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="71"/>
        <source>Why built-in questions stood in:</source>
        <translation>Warum eingebaute Fragen einsprangen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="72"/>
        <source>Interviews completed:</source>
        <translation>Abgeschlossene Gespräche:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="73"/>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="74"/>
        <source>Last backup:</source>
        <translation>Letzte Sicherung:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="87"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="89"/>
        <source>{rate} ({completed} of {started} that were started)</source>
        <translation>{rate} ({completed} von {started} begonnenen)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="98"/>
        <source>on the central server (schema version {version})</source>
        <translation>auf dem zentralen Server (Schemaversion {version})</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="104"/>
        <source>{size} (schema version {version}); {free} free on its disk</source>
        <translation>{size} (Schema-Version {version}); {free} frei auf ihrem Datenträger</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="117"/>
        <source>no follow-up written by a model since ExitBot started</source>
        <translation>seit dem Start von ExitBot keine Nachfrage von einem Modell</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="122"/>
        <source>first word after {first}, whole question after {total} (last {count})</source>
        <translation>erstes Wort nach {first}, ganze Frage nach {total} (letzte {count})</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="130"/>
        <source>none asked yet</source>
        <translation>noch keine gestellt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="132"/>
        <source>{model} written by the model, {rules} built-in ({count} in all)</source>
        <translation>{model} vom Modell geschrieben, {rules} eingebaut ({count} insgesamt)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="138"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="144"/>
        <source>The interviews are on the central server; IT backs it up there.</source>
        <translation>Die Gespräche liegen auf dem zentralen Server; die IT sichert ihn dort.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="146"/>
        <source>never. Back up now, and keep the copy on another disk.</source>
        <translation>nie. Sichern Sie jetzt und bewahren Sie die Kopie auf einem anderen Datenträger auf.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="150"/>
        <source>{age}: more than a week ago. Back up now.</source>
        <translation>{age}: vor mehr als einer Woche. Sichern Sie jetzt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="157"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="161"/>
        <source>less than an hour ago</source>
        <translation>vor weniger als einer Stunde</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="167"/>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="169"/>
        <source>{count} hours ago</source>
        <translation>vor {count} Stunden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="172"/>
        <source>1 day ago</source>
        <translation>vor 1 Tag</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/health_view.py" line="174"/>
        <source>{count} days ago</source>
        <translation>vor {count} Tagen</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="110"/>
        <source>Exit interviews</source>
        <translation>Austrittsgespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="111"/>
        <source>Unlocked by {name}.</source>
        <translation>Entsperrt von {name}.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="112"/>
        <source>Start an interview</source>
        <translation>Ein Gespräch beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="120"/>
        <source>Resume an unfinished interview</source>
        <translation>Ein unterbrochenes Gespräch fortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="121"/>
        <source>Unfinished interviews</source>
        <translation>Unterbrochene Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="122"/>
        <source>&amp;Resume interview</source>
        <translation>Gespräch f&amp;ortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="123"/>
        <source>Resume the selected interview</source>
        <translation>Das ausgewählte Gespräch fortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="115"/>
        <source>Choose Start interview at the top, fill in what you know about the leaving employee, then hand this computer over. Leaving interview mode will need an HR password. Interviews lists every interview; Dashboard shows the figures.</source>
        <translation>Wählen Sie oben „Gespräch beginnen“, tragen Sie ein, was Sie über die ausscheidende Person wissen, und übergeben Sie dann diesen Computer. Zum Verlassen des Gesprächsmodus ist ein HR-Passwort nötig. „Gespräche“ listet jedes Gespräch auf; „Übersicht“ zeigt die Zahlen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="124"/>
        <source>Dis&amp;card…</source>
        <translation>Ver&amp;werfen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="125"/>
        <source>Discard the selected interview</source>
        <translation>Das ausgewählte Gespräch verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="139"/>
        <source>These interviews were interrupted before they were submitted. Everything answered so far is saved; resuming continues at the same question.</source>
        <translation>Diese Gespräche wurden vor dem Absenden unterbrochen. Alle bisherigen Antworten sind gespeichert; beim Fortsetzen geht es bei derselben Frage weiter.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="150"/>
        <source>Started {time}</source>
        <translation>Begonnen {time}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="154"/>
        <source>consent not yet given</source>
        <translation>noch keine Einwilligung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/home.py" line="156"/>
        <source>answers so far: {count}</source>
        <translation>bisherige Antworten: {count}</translation>
    </message>
</context>
<context>
    <name>HrPasswordDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="39"/>
        <source>HR password needed</source>
        <translation>Personal-Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="46"/>
        <source>HR account</source>
        <translation>Personal-Konto</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="49"/>
        <source>HR password</source>
        <translation>Personal-Passwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="55"/>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="56"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="60"/>
        <source>HR &amp;account:</source>
        <translation>Personal-&amp;Konto:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="61"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_dialog.py" line="75"/>
        <source>Please type the password.</source>
        <translation>Bitte geben Sie das Passwort ein.</translation>
    </message>
</context>
<context>
    <name>InterviewController</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/controller.py" line="214"/>
        <source>Your answer is saved. The assistant is unavailable, so we&apos;ll continue with the next question.</source>
        <translation>Ihre Antwort ist gespeichert. Der Assistent ist nicht verfügbar, daher geht es mit der nächsten Frage weiter.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/controller.py" line="296"/>
        <source>We could not save that just now. What you answered before is safe. Please try again, or let the HR person know.</source>
        <translation>Das konnte gerade nicht gespeichert werden. Ihre bisherigen Antworten sind sicher. Bitte versuchen Sie es noch einmal oder sagen Sie der Person aus dem Personalteam Bescheid.</translation>
    </message>
</context>
<context>
    <name>InterviewDetailPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="174"/>
        <source>Reading the interview…</source>
        <translation>Das Gespräch wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="207"/>
        <source>Interview {code}</source>
        <translation>Gespräch {code}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="219"/>
        <source>Sentences quoted from the answers.</source>
        <translation>Aus den Antworten zitierte Sätze.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="222"/>
        <source>Written by the local model “{model}”; check it against the answers.</source>
        <translation>Vom lokalen Modell „{model}“ geschrieben; bitte mit den Antworten abgleichen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="226"/>
        <source>No summary has been made for this interview yet.</source>
        <translation>Für dieses Gespräch gibt es noch keine Zusammenfassung.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="233"/>
        <source>This interview has no answers.</source>
        <translation>Dieses Gespräch hat keine Antworten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="269"/>
        <source>Follow-up ({source}): {question}</source>
        <translation>Nachfrage ({source}): {question}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="286"/>
        <source>Correct…</source>
        <translation>Korrigieren …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="287"/>
        <source>Correct the themes and tone of this answer</source>
        <translation>Themen und Tonlage dieser Antwort korrigieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="305"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="306"/>
        <source>Themes: {themes}</source>
        <translation>Themen: {themes}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="309"/>
        <source>Tone: {tone}</source>
        <translation>Tonlage: {tone}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="313"/>
        <source>Urgent: {flags}</source>
        <translation>Dringend: {flags}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="316"/>
        <source>corrected by HR</source>
        <translation>von HR korrigiert</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="362"/>
        <source>local model {model}</source>
        <translation>lokales Modell {model}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="363"/>
        <source>built-in question</source>
        <translation>eingebaute Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="372"/>
        <source>Save the interview report</source>
        <translation>Gesprächsbericht speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="374"/>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="391"/>
        <source>Writing the report…</source>
        <translation>Der Bericht wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="395"/>
        <source>Saved the report as {path}.</source>
        <translation>Bericht gespeichert als {path}.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="423"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="469"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Zurück zur Liste</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="470"/>
        <source>Save as &amp;PDF…</source>
        <translation>&amp;Als PDF speichern…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="471"/>
        <source>Save this interview as a PDF report</source>
        <translation>Dieses Gespräch als PDF-Bericht speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="472"/>
        <source>PDF passw&amp;ord (optional):</source>
        <translation>&amp;PDF-Kennwort (freiwillig):</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="474"/>
        <source>Password for the PDF (optional; without one the PDF opens for anyone)</source>
        <translation>Kennwort für das PDF (freiwillig; ohne Kennwort kann jeder das PDF öffnen)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="476"/>
        <source>Res&amp;ume interview</source>
        <translation>Gespräch f&amp;ortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="478"/>
        <source>Resume this unfinished interview in interview mode</source>
        <translation>Dieses unvollständige Gespräch im Gesprächsmodus fortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="480"/>
        <source>Dis&amp;card…</source>
        <translation>Ver&amp;werfen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="481"/>
        <source>Discard this unfinished interview</source>
        <translation>Dieses unvollständige Gespräch verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="482"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="483"/>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="484"/>
        <source>HR review</source>
        <translation>Einschätzung des Personalteams</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="485"/>
        <source>&amp;Voluntary or not:</source>
        <translation>Fre&amp;iwillig oder nicht:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="486"/>
        <source>&amp;Regrettable loss:</source>
        <translation>Bedauerlicher &amp;Verlust:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="487"/>
        <source>Private &amp;note:</source>
        <translation>Private &amp;Notiz:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="488"/>
        <source>Private HR note, never shown to the employee</source>
        <translation>Private Notiz des Personalteams, nie für die Person sichtbar</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="489"/>
        <source>Save revie&amp;w</source>
        <translation>Einschätzung spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="493"/>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="494"/>
        <source>Voluntary</source>
        <translation>Freiwillig (Eigenkündigung)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="495"/>
        <source>Involuntary</source>
        <translation>Unfreiwillig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="501"/>
        <source>Not judged yet</source>
        <translation>Noch nicht eingeschätzt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="502"/>
        <source>Regrettable</source>
        <translation>Bedauerlich</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="503"/>
        <source>Not regrettable</source>
        <translation>Nicht bedauerlich</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="506"/>
        <source>Erase this interview</source>
        <translation>Dieses Gespräch löschen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="507"/>
        <source>&amp;Erase for good</source>
        <translation>Endgültig l&amp;öschen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="514"/>
        <source>For an erasure request: every answer and analysis of this interview is deleted and cannot be brought back; the audit log keeps only that it was erased. Type {word} to confirm.</source>
        <translation>Für einen Löschantrag: Alle Antworten und Auswertungen dieses Gesprächs werden gelöscht und können nicht wiederhergestellt werden; das Prüfprotokoll hält nur fest, dass gelöscht wurde. Zur Bestätigung {word} eingeben.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_detail_page.py" line="520"/>
        <source>Type {word} to confirm</source>
        <translation>Zur Bestätigung {word} eingeben</translation>
    </message>
</context>
<context>
    <name>InterviewList</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="206"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="207"/>
        <source>Unfinished</source>
        <translation>Nicht beendet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="208"/>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="209"/>
        <source>Discarded</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="210"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="217"/>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="218"/>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="219"/>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
</context>
<context>
    <name>InterviewTableModel</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="177"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="178"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="179"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="180"/>
        <source>Time with us</source>
        <translation>Betriebszugehörigkeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="181"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="182"/>
        <source>Top themes</source>
        <translation>Häufigste Themen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="183"/>
        <source>Tone</source>
        <translation>Tonlage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="184"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interview_model.py" line="185"/>
        <source>Follow-ups</source>
        <translation>Nachfragen</translation>
    </message>
</context>
<context>
    <name>InterviewsPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="228"/>
        <source>Type dates as year-month-day, for example 2026-03-31, or leave them empty.</source>
        <translation>Bitte Daten als Jahr-Monat-Tag eingeben, zum Beispiel 2026-03-31, oder leer lassen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="233"/>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="237"/>
        <source>Interviews found: {count}</source>
        <translation>Gefundene Gespräche: {count}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="241"/>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="285"/>
        <source>Interviews</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="242"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="243"/>
        <source>Export the interviews listed</source>
        <translation>Die aufgelisteten Gespräche exportieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="245"/>
        <source>Words in answers</source>
        <translation>Wörter in Antworten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="246"/>
        <source>Receipt code</source>
        <translation>Belegcode</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="247"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="248"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="249"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="250"/>
        <source>Voluntary or not</source>
        <translation>Freiwillig oder nicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="251"/>
        <source>Started from</source>
        <translation>Begonnen ab</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="252"/>
        <source>Started until</source>
        <translation>Begonnen bis</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="253"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="254"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="255"/>
        <source>Tone</source>
        <translation>Tonlage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="256"/>
        <source>Time with us</source>
        <translation>Betriebszugehörigkeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="257"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="263"/>
        <source>e.g. overtime manager</source>
        <translation>z. B. Überstunden Führungskraft</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="265"/>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="267"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="277"/>
        <source>Voluntary</source>
        <translation>Freiwillig (Eigenkündigung)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="277"/>
        <source>Involuntary</source>
        <translation>Unfreiwillig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="282"/>
        <source>Interview station</source>
        <translation>Gesprächsplatz</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="282"/>
        <source>Paper (imported)</source>
        <translation>Papier (importiert)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/interviews_page.py" line="284"/>
        <source>&amp;Urgent issues only</source>
        <translation>Nur d&amp;ringende Hinweise</translation>
    </message>
</context>
<context>
    <name>LogoRow</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="315"/>
        <source>Choose l&amp;ogo…</source>
        <translation>L&amp;ogo wählen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="316"/>
        <source>Choose a logo for reports</source>
        <translation>Ein Logo für Berichte wählen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="317"/>
        <source>&amp;Remove logo</source>
        <translation>Logo entfe&amp;rnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="318"/>
        <source>Remove the logo from reports</source>
        <translation>Das Logo aus den Berichten entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="323"/>
        <source>Logo for reports</source>
        <translation>Logo für Berichte</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="323"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="340"/>
        <source>{file} (saved with the settings)</source>
        <translation>{file} (wird mit den Einstellungen gespeichert)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="342"/>
        <source>No logo: reports show the organisation&apos;s name only.</source>
        <translation>Kein Logo: Berichte zeigen nur den Namen der Organisation.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_fields.py" line="344"/>
        <source>The logo reports show now.</source>
        <translation>Das Logo, das Berichte jetzt zeigen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="555"/>
        <source>ExitBot</source>
        <translation>ExitBot</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="565"/>
        <source>Loading the database engine…</source>
        <translation>Die Datenbank wird geladen …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="641"/>
        <source>ExitBot locked itself because nobody used it for a while.</source>
        <translation>ExitBot hat sich gesperrt, weil es eine Weile nicht benutzt wurde.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="662"/>
        <source>The automatic backup failed: {reason}</source>
        <translation>Die automatische Datensicherung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="736"/>
        <source>Ending interview mode needs an HR password. Answers given so far are kept.</source>
        <translation>Zum Beenden des Gesprächsmodus ist ein Personal-Passwort nötig. Die bisherigen Antworten bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="747"/>
        <source>The interview station was left unused, so it locked itself.</source>
        <translation>Der Gesprächsplatz wurde nicht benutzt und hat sich deshalb gesperrt.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/main_window.py" line="783"/>
        <source>Closing ExitBot during an interview needs an HR password.</source>
        <translation>Zum Schließen von ExitBot während eines Gesprächs ist ein Personal-Passwort nötig.</translation>
    </message>
</context>
<context>
    <name>PasswordHint</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_hint.py" line="21"/>
        <source>Use at least {n} characters. A short sentence you can remember works well.</source>
        <translation>Verwenden Sie mindestens {n} Zeichen. Ein kurzer Satz, den Sie sich merken können, eignet sich gut.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_hint.py" line="26"/>
        <source>Too short: use at least {n} characters.</source>
        <translation>Zu kurz: Verwenden Sie mindestens {n} Zeichen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_hint.py" line="34"/>
        <source>Weak: this is easy to guess. Try a few unrelated words.</source>
        <translation>Schwach: leicht zu erraten. Versuchen Sie einige Wörter, die nichts miteinander zu tun haben.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_hint.py" line="46"/>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/password_hint.py" line="47"/>
        <source>Fair: a few more characters or words would make it stronger.</source>
        <translation>Mittel: Einige Zeichen oder Wörter mehr machen es stärker.</translation>
    </message>
</context>
<context>
    <name>PausePage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="93"/>
        <source>Take all the time you need</source>
        <translation>Nehmen Sie sich alle Zeit, die Sie brauchen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="96"/>
        <source>Everything you have answered is saved. When you are ready, you can carry on where you left off, or let the HR person know you would like to stop.</source>
        <translation>Alles, was Sie beantwortet haben, ist gespeichert. Wenn Sie bereit sind, können Sie dort weitermachen, wo Sie aufgehört haben, oder der Person aus dem Personalteam sagen, dass Sie aufhören möchten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="100"/>
        <source>&amp;I&apos;m ready to continue</source>
        <translation>&amp;Ich bin bereit weiterzumachen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/care.py" line="101"/>
        <source>I&apos;m ready to continue</source>
        <translation>Ich bin bereit weiterzumachen</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="38"/>
        <source>Free text</source>
        <translation>Freitext</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="39"/>
        <source>Rating from 1 to 5</source>
        <translation>Bewertung von 1 bis 5</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="40"/>
        <source>One of several options</source>
        <translation>Eine von mehreren Optionen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="41"/>
        <source>Any of several options</source>
        <translation>Beliebig viele von mehreren Optionen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="42"/>
        <source>Yes or no</source>
        <translation>Ja oder nein</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="43"/>
        <source>Scale from 0 to 10</source>
        <translation>Skala von 0 bis 10</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="298"/>
        <source>Possible values: {values}</source>
        <translation>Mögliche Werte: {values}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="336"/>
        <source>Always shown</source>
        <translation>Immer</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="337"/>
        <source>Only after an answer to</source>
        <translation>Nur nach einer Antwort auf</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="338"/>
        <source>Only for interviews whose detail</source>
        <translation>Nur bei Gesprächen mit der Angabe</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="342"/>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="367"/>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="343"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="344"/>
        <source>Question (English)</source>
        <translation>Frage (Englisch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="345"/>
        <source>Question (German)</source>
        <translation>Frage (Deutsch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="346"/>
        <source>Help (English)</source>
        <translation>Hilfe (Englisch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="347"/>
        <source>Help (German)</source>
        <translation>Hilfe (Deutsch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="348"/>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="369"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="349"/>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="372"/>
        <source>When to ask it</source>
        <translation>Wann gefragt wird</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="350"/>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="354"/>
        <source>Question id</source>
        <translation>Kennung der Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="355"/>
        <source>Letters, digits, - and _: exports and branches use it</source>
        <translation>Buchstaben, Ziffern, - und _: Exporte und Verzweigungen verwenden sie</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="356"/>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="367"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="356"/>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="367"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="358"/>
        <source>Question in {language}</source>
        <translation>Frage auf {language}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="361"/>
        <source>Help in {language}</source>
        <translation>Hilfe auf {language}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="363"/>
        <source>Answer required</source>
        <translation>Antwort erforderlich</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="364"/>
        <source>Offer “prefer not to say”</source>
        <translation>„Möchte ich nicht sagen“ anbieten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="365"/>
        <source>Follow-up questions</source>
        <translation>Nachfragen stellen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="370"/>
        <source>Add option</source>
        <translation>Option hinzufügen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="371"/>
        <source>Remove option</source>
        <translation>Option entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="373"/>
        <source>The earlier question or interview detail</source>
        <translation>Die frühere Frage oder Gesprächsangabe</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="374"/>
        <source>Values that show the question</source>
        <translation>Werte, bei denen die Frage erscheint</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_form.py" line="376"/>
        <source>separated by commas, e.g. manager, other</source>
        <translation>durch Kommas getrennt, z. B. manager, other</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="113"/>
        <source>Question {number} of {total}</source>
        <translation>Frage {number} von {total}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="199"/>
        <source>I&apos;d &amp;prefer not to say</source>
        <translation>Möchte ich &amp;nicht sagen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="200"/>
        <source>I&apos;d prefer not to say</source>
        <translation>Möchte ich nicht sagen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="201"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="202"/>
        <source>Back to the previous question</source>
        <translation>Zurück zur vorigen Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="203"/>
        <source>&amp;Skip question</source>
        <translation>Frage ü&amp;berspringen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="204"/>
        <source>Skip this question</source>
        <translation>Diese Frage überspringen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="209"/>
        <source>Save and &amp;return to review</source>
        <translation>Speichern und zur &amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="210"/>
        <source>Save and return to the review</source>
        <translation>Speichern und zurück zur Übersicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="212"/>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="213"/>
        <source>Next question</source>
        <translation>Nächste Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/question_page.py" line="242"/>
        <source>Please answer this question to go on.</source>
        <translation>Bitte beantworten Sie diese Frage, um weiterzumachen.</translation>
    </message>
</context>
<context>
    <name>QuestionPreview</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="66"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="66"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="80"/>
        <source>This question cannot be shown yet:</source>
        <translation>Diese Frage kann noch nicht angezeigt werden:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="95"/>
        <source>Preview of a question</source>
        <translation>Vorschau einer Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="97"/>
        <source>The employee sees the question like this. Answers typed here are not saved.</source>
        <translation>So sieht die Person die Frage. Hier eingegebene Antworten werden nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="99"/>
        <source>Language of the preview</source>
        <translation>Sprache der Vorschau</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_preview.py" line="100"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>QuestionSetEditor</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="280"/>
        <source>Title (English)</source>
        <translation>Titel (Englisch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="281"/>
        <source>Title (German)</source>
        <translation>Titel (Deutsch)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="282"/>
        <source>Questions in the order they are asked</source>
        <translation>Fragen in der Reihenfolge, in der sie gestellt werden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="283"/>
        <source>Drag a question, or press Ctrl+Up / Ctrl+Down, to move it</source>
        <translation>Ziehen Sie eine Frage oder drücken Sie Strg+Pfeil nach oben / Strg+Pfeil nach unten, um sie zu verschieben</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="284"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="285"/>
        <source>Move the question up (Ctrl+Up)</source>
        <translation>Die Frage nach oben verschieben (Strg+Pfeil nach oben)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="286"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="287"/>
        <source>Move the question down (Ctrl+Down)</source>
        <translation>Die Frage nach unten verschieben (Strg+Pfeil nach unten)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="288"/>
        <source>&amp;New question</source>
        <translation>&amp;Neue Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="289"/>
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="290"/>
        <source>&amp;Remove question</source>
        <translation>Frage entfe&amp;rnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="291"/>
        <source>Remove question</source>
        <translation>Frage entfernen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="292"/>
        <source>&amp;Preview as the employee sees it</source>
        <translation>V&amp;orschau aus Sicht der Person</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="293"/>
        <source>Preview as the employee sees it</source>
        <translation>Vorschau aus Sicht der Person</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="294"/>
        <source>Nothing was saved. Correct these and save again:</source>
        <translation>Es wurde nichts gespeichert. Korrigieren Sie Folgendes und speichern Sie erneut:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/question_set_editor.py" line="295"/>
        <source>Why the set was not saved</source>
        <translation>Warum der Katalog nicht gespeichert wurde</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="40"/>
        <source>Built-in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="41"/>
        <source>Custom</source>
        <translation>Selbst erstellt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="42"/>
        <source>Legacy (imported)</source>
        <translation>Altbestand (importiert)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="182"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="208"/>
        <source>Questions of “{title}” ({id}, version {version})</source>
        <translation>Fragen von „{title}“ ({id}, Version {version})</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="217"/>
        <source>This set cannot be changed here. To change it, type a new id above and copy it; then edit the copy and activate it.</source>
        <translation>Dieser Katalog kann hier nicht geändert werden. Um ihn zu ändern, geben Sie oben eine neue Kennung ein und kopieren ihn; bearbeiten und aktivieren Sie dann die Kopie.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="230"/>
        <source>Type an id for the copy first, such as acme-2025.</source>
        <translation>Geben Sie zuerst eine Kennung für die Kopie ein, zum Beispiel acme-2025.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="241"/>
        <source>Copied as “{id}”. Edit it below, save, then activate it.</source>
        <translation>Als „{id}“ kopiert. Bearbeiten Sie die Kopie unten, speichern Sie sie und aktivieren Sie sie dann.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="258"/>
        <source>“{id}” was already active.</source>
        <translation>„{id}“ war bereits aktiv.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="261"/>
        <source>“{id}” is now active: the next interviews use it. Interviews already given keep the questions they were asked.</source>
        <translation>„{id}“ ist jetzt aktiv: Die nächsten Gespräche verwenden diesen Katalog. Bereits geführte Gespräche behalten die Fragen, die darin gestellt wurden.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="275"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="284"/>
        <source>Saved as version {version}. Interviews already given keep their version.</source>
        <translation>Als Version {version} gespeichert. Bereits geführte Gespräche behalten ihre Version.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="287"/>
        <source>Nothing to save: the set already has these questions.</source>
        <translation>Nichts zu speichern: Der Katalog enthält bereits diese Fragen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="297"/>
        <source>Nothing was saved: see the list under the editor.</source>
        <translation>Es wurde nichts gespeichert: Siehe die Liste unter dem Editor.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="302"/>
        <source>Changes discarded.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="320"/>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="336"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="323"/>
        <source>The question sets interviews can use. Built-in sets come with ExitBot; custom sets are yours; legacy sets hold the questions of imported interviews. Copy a set to change it, then activate it for the next interviews. Each save is a new version, so interviews already given keep the questions they were asked.</source>
        <translation>Die Fragenkataloge, die Gespräche verwenden können. Eingebaute Kataloge liefert ExitBot mit; selbst erstellte gehören Ihnen; der Altbestand enthält die Fragen importierter Gespräche. Kopieren Sie einen Katalog, um ihn zu ändern, und aktivieren Sie ihn dann für die nächsten Gespräche. Jedes Speichern ergibt eine neue Version, sodass bereits geführte Gespräche die Fragen behalten, die darin gestellt wurden.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="332"/>
        <source>Set</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="333"/>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="334"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="335"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="337"/>
        <source>Interviews</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="338"/>
        <source>In use</source>
        <translation>Im Einsatz</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="341"/>
        <source>Question sets</source>
        <translation>Fragenkataloge</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="342"/>
        <source>New set id:</source>
        <translation>Kennung der Kopie:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="343"/>
        <source>Id of the copy</source>
        <translation>Kennung der Kopie</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="344"/>
        <source>e.g. acme-2025</source>
        <translation>z. B. acme-2025</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="345"/>
        <source>&amp;Copy the selected set</source>
        <translation>Ausgewählten Katalog kop&amp;ieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="346"/>
        <source>Copy the selected set</source>
        <translation>Den ausgewählten Katalog kopieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="347"/>
        <source>Acti&amp;vate for new interviews</source>
        <translation>Für neue Gespräche &amp;aktivieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="348"/>
        <source>Activate for new interviews</source>
        <translation>Für neue Gespräche aktivieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="350"/>
        <source>Save or discard the changes below to choose, copy or activate a set.</source>
        <translation>Speichern oder verwerfen Sie die Änderungen unten, um einen Katalog zu wählen, zu kopieren oder zu aktivieren.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="352"/>
        <source>&amp;Undo changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="353"/>
        <source>Undo the changes not yet saved</source>
        <translation>Die noch nicht gespeicherten Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="354"/>
        <source>Sav&amp;e set</source>
        <translation>Katalog spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/questions_page.py" line="355"/>
        <source>Save the question set</source>
        <translation>Den Fragenkatalog speichern</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="97"/>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="100"/>
        <source>If every HR password is ever lost, this key is the only way to open the interviews. Write it down or print it now and keep it somewhere safe, such as a locked drawer or a safe.</source>
        <translation>Wenn einmal alle Personal-Passwörter verloren gehen, ist dieser Schlüssel der einzige Weg, die Gespräche zu öffnen. Schreiben Sie ihn jetzt auf oder drucken Sie ihn aus und bewahren Sie ihn sicher auf, etwa in einer verschlossenen Schublade oder einem Tresor.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="106"/>
        <source>It is shown only this once. ExitBot does not keep a readable copy.</source>
        <translation>Er wird nur dieses eine Mal angezeigt. ExitBot bewahrt keine lesbare Kopie auf.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="108"/>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="110"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="111"/>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="133"/>
        <source>Print the recovery key</source>
        <translation>Wiederherstellungsschlüssel drucken</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="112"/>
        <source>&amp;Save to a file…</source>
        <translation>In Datei &amp;speichern …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="113"/>
        <source>Save the recovery key to a file</source>
        <translation>Wiederherstellungsschlüssel in einer Datei speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="115"/>
        <source>I have &amp;written down or printed the recovery key and will keep it safe</source>
        <translation>Ich habe den Wiederherstellungsschlüssel &amp;aufgeschrieben oder ausgedruckt und bewahre ihn sicher auf</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="118"/>
        <source>I have written down or printed the recovery key</source>
        <translation>Ich habe den Wiederherstellungsschlüssel aufgeschrieben oder ausgedruckt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="120"/>
        <source>C&amp;ontinue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="121"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="125"/>
        <source>ExitBot recovery key

Organisation: {organisation}

{key}

Keep this sheet somewhere safe. It opens the encrypted interview database if every HR password is lost.
</source>
        <translation>ExitBot-Wiederherstellungsschlüssel

Organisation: {organisation}

{key}

Bewahren Sie dieses Blatt sicher auf. Es öffnet die verschlüsselte Gesprächsdatenbank, falls alle Personal-Passwörter verloren gehen.
</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="139"/>
        <source>The recovery key was sent to the printer.</source>
        <translation>Der Wiederherstellungsschlüssel wurde an den Drucker gesendet.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="144"/>
        <source>Save the recovery key</source>
        <translation>Wiederherstellungsschlüssel speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="146"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/recovery_key.py" line="162"/>
        <source>Saved to {path}. Print it or copy it to a safe place, then delete the file.</source>
        <translation>Gespeichert unter {path}. Drucken Sie die Datei aus oder kopieren Sie sie an einen sicheren Ort und löschen Sie sie dann.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="258"/>
        <source>Reset a password with the recovery key</source>
        <translation>Ein Passwort mit dem Wiederherstellungsschlüssel zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="260"/>
        <source>For an officer who lost their password: type the printed recovery key and a new password for &apos;{account}&apos;. The recovery key stays valid.</source>
        <translation>Wenn jemand das eigene Passwort verloren hat: Geben Sie den ausgedruckten Wiederherstellungsschlüssel und ein neues Passwort für „{account}“ ein. Der Wiederherstellungsschlüssel bleibt gültig.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="263"/>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="266"/>
        <source>Recovery &amp;key:</source>
        <translation>Wiederherstellungs&amp;schlüssel:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="273"/>
        <source>Please type the recovery key.</source>
        <translation>Bitte geben Sie den Wiederherstellungsschlüssel ein.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="71"/>
        <source>Your answer to: {question}</source>
        <translation>Ihre Antwort auf: {question}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="85"/>
        <source>(skipped)</source>
        <translation>(übersprungen)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="89"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="91"/>
        <source>Change your answer to: {question}</source>
        <translation>Ihre Antwort ändern auf: {question}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="95"/>
        <source>Your answer: {answer}</source>
        <translation>Ihre Antwort: {answer}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="110"/>
        <source>Check your answers</source>
        <translation>Prüfen Sie Ihre Antworten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="113"/>
        <source>You can change any answer before you submit. Nothing is sent to anyone until you press Submit.</source>
        <translation>Sie können jede Antwort vor dem Absenden ändern. Nichts wird weitergegeben, bevor Sie auf „Absenden“ drücken.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="117"/>
        <source>&amp;Back to the questions</source>
        <translation>&amp;Zurück zu den Fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="118"/>
        <source>Back to the questions</source>
        <translation>Zurück zu den Fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="119"/>
        <source>S&amp;ubmit my answers</source>
        <translation>Meine Antworten &amp;absenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/review.py" line="120"/>
        <source>Submit my answers</source>
        <translation>Meine Antworten absenden</translation>
    </message>
</context>
<context>
    <name>RotateKeyDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="294"/>
        <source>Change the data key</source>
        <translation>Den Datenschlüssel wechseln</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="296"/>
        <source>ExitBot copies the database into its backups folder, then re-encrypts it under a new key and wraps that key anew for every account. Old copies of the key file stop working, and so does the recovery key: you get a new one at the end. Each account&apos;s current password is needed; remove accounts that are no longer used first.</source>
        <translation>ExitBot kopiert die Datenbank in den Ordner für Sicherungen, verschlüsselt sie dann mit einem neuen Schlüssel und hinterlegt diesen für jedes Konto neu. Alte Kopien der Schlüsseldatei funktionieren danach nicht mehr, ebenso der bisherige Wiederherstellungsschlüssel: Sie erhalten am Ende einen neuen. Das aktuelle Passwort jedes Kontos wird benötigt; entfernen Sie nicht mehr genutzte Konten vorher.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="302"/>
        <source>Change the key</source>
        <translation>Schlüssel wechseln</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="309"/>
        <source>Password of {account}:</source>
        <translation>Passwort von {account}:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="312"/>
        <source>Password of {account}</source>
        <translation>Passwort von {account}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="319"/>
        <source>Please type the password of &apos;{account}&apos;.</source>
        <translation>Bitte geben Sie das Passwort von „{account}“ ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="328"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="351"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>SettingText</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="20"/>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="21"/>
        <source>Logo for reports</source>
        <translation>Logo für Berichte</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="22"/>
        <source>Anonymity</source>
        <translation>Anonymität</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="23"/>
        <source>Required details</source>
        <translation>Pflichtangaben</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="24"/>
        <source>Keep interviews for (months)</source>
        <translation>Gespräche aufbewahren (Monate)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="25"/>
        <source>Care contacts</source>
        <translation>Ansprechpersonen für Unterstützung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="26"/>
        <source>Station idle time (minutes)</source>
        <translation>Leerlaufzeit des Gesprächsplatzes (Minuten)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="27"/>
        <source>HR idle time (minutes)</source>
        <translation>Leerlaufzeit im HR-Bereich (Minuten)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="28"/>
        <source>Thank-you page (seconds)</source>
        <translation>Dankesseite (Sekunden)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="29"/>
        <source>Question set</source>
        <translation>Fragenkatalog</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="30"/>
        <source>Follow-ups per question</source>
        <translation>Nachfragen pro Frage</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="31"/>
        <source>Follow-ups per interview</source>
        <translation>Nachfragen pro Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="32"/>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="33"/>
        <source>Ollama address</source>
        <translation>Ollama-Adresse</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="34"/>
        <source>Ollama model</source>
        <translation>Ollama-Modell</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="35"/>
        <source>Minimum group size</source>
        <translation>Mindestgruppengröße</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="36"/>
        <source>Automatic backup</source>
        <translation>Automatische Datensicherung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="37"/>
        <source>Automatic backups kept</source>
        <translation>Aufbewahrte automatische Sicherungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="38"/>
        <source>Backup folder</source>
        <translation>Ordner für Sicherungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="44"/>
        <source>the organisation&apos;s name, on the welcome page, the unlock page and every report</source>
        <translation>der Name der Organisation, auf der Begrüßungsseite, der Entsperrseite und in jedem Bericht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="49"/>
        <source>a name of 1 to 120 characters</source>
        <translation>ein Name mit 1 bis 120 Zeichen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="50"/>
        <source>an image printed at the top of every report</source>
        <translation>ein Bild oben auf jeder Berichtsseite</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="51"/>
        <source>a PNG or JPEG file of at most 512 KB</source>
        <translation>eine PNG- oder JPEG-Datei mit höchstens 512 KB</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="53"/>
        <source>whether interviews are anonymous, named, or HR decides per interview</source>
        <translation>ob Gespräche anonym oder mit Namen geführt werden oder HR je Gespräch entscheidet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="57"/>
        <source>&quot;anonymous&quot; (default), &quot;named&quot; or &quot;choose&quot;</source>
        <translation>„anonym“ (Standard), „mit Namen“ oder „HR entscheidet“</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="58"/>
        <source>metadata HR must fill in when arming the station</source>
        <translation>Angaben, die HR beim Vorbereiten des Gesprächsplatzes ausfüllen muss</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="60"/>
        <source>months interviews are kept, as the welcome page tells the employee; older ones are erased at each HR unlock and by &apos;exitbot-desktop purge&apos;</source>
        <translation>Monate, die Gespräche aufbewahrt werden, wie die Begrüßungsseite es den Mitarbeitenden sagt; ältere werden bei jedem Entsperren durch HR und mit „exitbot-desktop purge“ gelöscht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="66"/>
        <source>1 to 600 (default 24)</source>
        <translation>1 bis 600 (Standard 24)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="67"/>
        <source>support shown when an answer suggests distress</source>
        <translation>Unterstützung, die angezeigt wird, wenn eine Antwort auf eine Belastung hindeutet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="69"/>
        <source>idle minutes on an interview page (welcome, question, review) before the station keeps what was typed and locks itself</source>
        <translation>Minuten ohne Eingabe auf einer Gesprächsseite (Begrüßung, Frage, Überprüfung), bevor der Gesprächsplatz das Eingegebene sichert und sich sperrt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="75"/>
        <source>1 to 1440 (default 30)</source>
        <translation>1 bis 1440 (Standard 30)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="76"/>
        <source>idle minutes on an HR page before ExitBot locks itself</source>
        <translation>Minuten ohne Eingabe auf einer HR-Seite, bevor ExitBot sich sperrt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="77"/>
        <source>1 to 240 (default 10)</source>
        <translation>1 bis 240 (Standard 10)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="78"/>
        <source>how long the thank-you page stays</source>
        <translation>wie lange die Dankesseite angezeigt wird</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="79"/>
        <source>10 to 600 (default 60)</source>
        <translation>10 bis 600 (Standard 60)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="80"/>
        <source>id of the question set interviews use</source>
        <translation>Kennung des Fragenkatalogs, den Gespräche verwenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="81"/>
        <source>a question set id (default &quot;default&quot;)</source>
        <translation>eine Fragenkatalog-Kennung (Standard „default“)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="82"/>
        <source>follow-up questions after one answer</source>
        <translation>Nachfragen nach einer Antwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="83"/>
        <source>0 to 3 (default 1)</source>
        <translation>0 bis 3 (Standard 1)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="84"/>
        <source>follow-up questions in one interview</source>
        <translation>Nachfragen in einem Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="85"/>
        <source>0 to 50 (default 4)</source>
        <translation>0 bis 50 (Standard 4)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="86"/>
        <source>which assistant writes follow-ups</source>
        <translation>welcher Assistent die Nachfragen schreibt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="87"/>
        <source>&quot;auto&quot; (default), &quot;ollama&quot;, &quot;llama_cpp&quot; or &quot;rules&quot;</source>
        <translation>„automatisch“ (Standard), „Ollama“, „eingebettetes Modell“ oder „eingebaute Fragen“</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="89"/>
        <source>the Ollama server; answers are sent there when it is not this computer</source>
        <translation>der Ollama-Server; Antworten werden dorthin gesendet, wenn er nicht dieser Computer ist</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="94"/>
        <source>host and port, e.g. &quot;127.0.0.1:11434&quot; (default: $OLLAMA_HOST, else this computer)</source>
        <translation>Host und Port, z. B. „127.0.0.1:11434“ (Standard: $OLLAMA_HOST, sonst dieser Computer)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="99"/>
        <source>the Ollama model</source>
        <translation>das Ollama-Modell</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="100"/>
        <source>a model name, e.g. &quot;llama3.2&quot;</source>
        <translation>ein Modellname, z. B. „llama3.2“</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="102"/>
        <source>smallest group a breakdown or anonymised export shows; smaller ones are hidden</source>
        <translation>kleinste Gruppe, die eine Aufschlüsselung oder ein anonymisierter Export zeigt; kleinere werden ausgeblendet</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="107"/>
        <source>1 to 1000 (default 5)</source>
        <translation>1 bis 1000 (Standard 5)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="109"/>
        <source>back up automatically whenever HR locks ExitBot or closes it</source>
        <translation>automatisch sichern, wann immer HR ExitBot sperrt oder schließt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="113"/>
        <source>true or false (default false)</source>
        <translation>ja oder nein (Standard: nein)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="115"/>
        <source>automatic backups kept; the oldest beyond this are deleted (backups made by hand are never deleted)</source>
        <translation>so viele automatische Sicherungen bleiben; ältere werden gelöscht (von Hand erstellte Sicherungen nie)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="120"/>
        <source>1 to 100 (default 7)</source>
        <translation>1 bis 100 (Standard 7)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="122"/>
        <source>where automatic backups go and where &apos;Back up now&apos; starts; best on another disk</source>
        <translation>wohin automatische Sicherungen gehen und wo „Jetzt sichern“ beginnt; am besten auf einem anderen Laufwerk</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="128"/>
        <source>a folder path (default: the backups folder inside the data folder)</source>
        <translation>ein Ordnerpfad (Standard: der Ordner „backups“ im Datenordner)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="137"/>
        <source>Tick it to switch it on (default: off).</source>
        <translation>Ankreuzen, um sie einzuschalten (Standard: aus).</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="139"/>
        <source>Tick the details HR must fill in before an interview can start.</source>
        <translation>Kreuzen Sie die Angaben an, die HR ausfüllen muss, bevor ein Gespräch beginnen kann.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="144"/>
        <source>One contact per line: a name, a colon, then a phone number, e-mail or room, e.g. Employee assistance: 0800 123 456</source>
        <translation>Eine Ansprechperson pro Zeile: ein Name, ein Doppelpunkt, dann Telefonnummer, E-Mail oder Raum, z. B. Mitarbeiterberatung: 0800 123 456</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="174"/>
        <source>Accepted: {limits}.</source>
        <translation>Erlaubt: {limits}.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setting_texts.py" line="181"/>
        <source>This value is not accepted. {title} takes {limits}. Nothing was saved.</source>
        <translation>Dieser Wert ist nicht erlaubt. {title} erlaubt {limits}. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="35"/>
        <source>Organisation and reports</source>
        <translation>Organisation und Berichte</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="39"/>
        <source>Interviews</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="49"/>
        <source>Keeping interviews</source>
        <translation>Aufbewahrung der Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="51"/>
        <source>Idle times</source>
        <translation>Leerlaufzeiten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="55"/>
        <source>Assistant for follow-up questions</source>
        <translation>Assistent für Nachfragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="59"/>
        <source>Backups</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="63"/>
        <source>Other settings</source>
        <translation>Weitere Einstellungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="168"/>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Nichts zu speichern: Keine Einstellung wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="177"/>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="189"/>
        <source>Saved. The audit log records each change with its old and new value.</source>
        <translation>Gespeichert. Das Prüfprotokoll verzeichnet jede Änderung mit altem und neuem Wert.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="191"/>
        <source>Nothing to save: every value was already in force.</source>
        <translation>Nichts zu speichern: Alle Werte galten bereits.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="211"/>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Es wurde nichts gespeichert: Korrigieren Sie die rot markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="236"/>
        <source>Counting the interviews this period would erase…</source>
        <translation>Die Gespräche, die dieser Zeitraum löschen würde, werden gezählt …</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="246"/>
        <source>1 interview would be erased at the next unlock.</source>
        <translation>1 Gespräch würde beim nächsten Entsperren gelöscht.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="248"/>
        <source>{count} interviews would be erased at the next unlock.</source>
        <translation>{count} Gespräche würden beim nächsten Entsperren gelöscht.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="263"/>
        <source>Answers will be sent to {host}, which is not this computer. Whoever runs that server can read what employees write. Use it only if it belongs to your organisation and the employees are told.</source>
        <translation>Antworten werden an {host} gesendet, und das ist nicht dieser Computer. Wer diesen Server betreibt, kann lesen, was Mitarbeitende schreiben. Nutzen Sie ihn nur, wenn er Ihrer Organisation gehört und die Mitarbeitenden davon wissen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="295"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="298"/>
        <source>Every setting with what it means and what it accepts. Changes apply when you save; an empty field means the default. The audit log records each change with its old and new value.</source>
        <translation>Jede Einstellung mit ihrer Bedeutung und den erlaubten Werten. Änderungen gelten, sobald Sie speichern; ein leeres Feld bedeutet den Standardwert. Das Prüfprotokoll verzeichnet jede Änderung mit altem und neuem Wert.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="311"/>
        <source>Anonymous: no names</source>
        <translation>Anonym: keine Namen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="312"/>
        <source>Named: the employee&apos;s name is kept</source>
        <translation>Mit Namen: der Name wird gespeichert</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="313"/>
        <source>HR chooses for each interview</source>
        <translation>HR entscheidet je Gespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="320"/>
        <source>Automatic: Ollama, else the embedded model, else built-in</source>
        <translation>Automatisch: Ollama, sonst das eingebettete Modell, sonst eingebaute Fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="321"/>
        <source>Ollama server</source>
        <translation>Ollama-Server</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="322"/>
        <source>Embedded model on this computer</source>
        <translation>Eingebettetes Modell auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="323"/>
        <source>Built-in questions only (no AI model)</source>
        <translation>Nur eingebaute Fragen (kein KI-Modell)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="330"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="331"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="332"/>
        <source>Time with us</source>
        <translation>Betriebszugehörigkeit</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="333"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="334"/>
        <source>Manager</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="335"/>
        <source>Leaving date</source>
        <translation>Austrittsdatum</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="336"/>
        <source>Leaving type</source>
        <translation>Art des Austritts</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="339"/>
        <source>&amp;Undo changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="340"/>
        <source>Undo changes not yet saved</source>
        <translation>Noch nicht gespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="341"/>
        <source>Sa&amp;ve settings</source>
        <translation>Einstellungen spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="342"/>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="343"/>
        <source>Purge preview</source>
        <translation>Vorschau der Löschung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/settings_page.py" line="344"/>
        <source>Warning about the Ollama address</source>
        <translation>Warnung zur Ollama-Adresse</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="87"/>
        <source>Welcome to ExitBot</source>
        <translation>Willkommen bei ExitBot</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="90"/>
        <source>Let&apos;s set up this computer. Interviews are stored encrypted on this computer only; you will open them with the HR password you choose now.</source>
        <translation>Richten wir diesen Computer ein. Gespräche werden verschlüsselt und nur auf diesem Computer gespeichert; Sie öffnen sie mit dem Personal-Passwort, das Sie jetzt wählen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="94"/>
        <source>&amp;Organisation name:</source>
        <translation>Name der &amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="95"/>
        <source>Your &amp;name (HR account):</source>
        <translation>Ihr &amp;Name (Personal-Konto):</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="96"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="97"/>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="98"/>
        <source>Organisation name</source>
        <translation>Name der Organisation</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="99"/>
        <source>e.g. Acme Ltd</source>
        <translation>z. B. Muster GmbH</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="100"/>
        <source>HR account name</source>
        <translation>Name des Personal-Kontos</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="101"/>
        <source>e.g. Maria Schmidt</source>
        <translation>z. B. Maria Schmidt</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="102"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="103"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="104"/>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="166"/>
        <source>&amp;Create encrypted database</source>
        <translation>Verschlüsselte Datenbank &amp;anlegen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="105"/>
        <source>Create encrypted database</source>
        <translation>Verschlüsselte Datenbank anlegen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="106"/>
        <source>Data folder: {path}</source>
        <translation>Datenordner: {path}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="141"/>
        <source>Please enter your name for the HR account.</source>
        <translation>Bitte geben Sie Ihren Namen für das Personal-Konto ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="149"/>
        <source>The two passwords are not the same. Please type them again.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Bitte geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/setup.py" line="166"/>
        <source>Setting up…</source>
        <translation>Wird eingerichtet …</translation>
    </message>
</context>
<context>
    <name>TextInput</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/answer_inputs.py" line="116"/>
        <source>{count} of {limit} characters</source>
        <translation>{count} von {limit} Zeichen</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="109"/>
        <source>Thank you</source>
        <translation>Vielen Dank</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="112"/>
        <source>Your answers have been submitted. Thank you for your time and honesty.</source>
        <translation>Ihre Antworten wurden abgesendet. Danke für Ihre Zeit und Ihre Offenheit.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="117"/>
        <source>That&apos;s completely fine. Nothing has been recorded except that you chose not to take part. Please let the HR person know you are done.</source>
        <translation>Das ist völlig in Ordnung. Es wurde nichts gespeichert außer der Tatsache, dass Sie nicht teilnehmen möchten. Bitte sagen Sie der Person aus dem Personalteam Bescheid, dass Sie fertig sind.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="121"/>
        <source>Your receipt code:</source>
        <translation>Ihr Belegcode:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="122"/>
        <source>Receipt code {code}</source>
        <translation>Belegcode {code}</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="125"/>
        <source>Please write it down. If you later want to see or delete your answers, give this code to HR; it is the only way to find your interview.</source>
        <translation>Bitte schreiben Sie ihn auf. Wenn Sie Ihre Antworten später einsehen oder löschen lassen möchten, nennen Sie dem Personalteam diesen Code; nur so lässt sich Ihr Gespräch finden.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="130"/>
        <source>How was this interview for you? (optional)</source>
        <translation>Wie war dieses Gespräch für Sie? (freiwillig)</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="131"/>
        <source>Not good</source>
        <translation>Nicht gut</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="132"/>
        <source>Very good</source>
        <translation>Sehr gut</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="134"/>
        <source>Rate the interview {value} of 5</source>
        <translation>Gespräch mit {value} von 5 bewerten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="135"/>
        <source>&amp;Finish</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="136"/>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="155"/>
        <source>Thank you for your feedback.</source>
        <translation>Danke für Ihre Rückmeldung.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/thanks.py" line="168"/>
        <source>This screen closes by itself in {seconds} seconds.</source>
        <translation>Diese Seite schließt sich in {seconds} Sekunden von selbst.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="145"/>
        <source>ExitBot</source>
        <translation>ExitBot</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="146"/>
        <source>Exit interviews are locked. An HR officer can unlock them.</source>
        <translation>Die Austrittsgespräche sind gesperrt. Das Personalteam kann sie entsperren.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="147"/>
        <source>HR &amp;account:</source>
        <translation>Personal-&amp;Konto:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="148"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="149"/>
        <source>HR account</source>
        <translation>Personal-Konto</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="150"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="151"/>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="269"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="152"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="153"/>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="154"/>
        <source>Forgot your password? Use the recovery key</source>
        <translation>Passwort vergessen? Wiederherstellungsschlüssel verwenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="157"/>
        <source>Type the recovery key from the printed sheet and choose a new password for the HR account.</source>
        <translation>Geben Sie den Wiederherstellungsschlüssel vom ausgedruckten Blatt ein und wählen Sie ein neues Passwort für das Personal-Konto.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="161"/>
        <source>Recovery &amp;key:</source>
        <translation>Wiederherstellungs&amp;schlüssel:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="162"/>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="163"/>
        <source>&amp;Repeat new password:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="164"/>
        <source>Recovery key</source>
        <translation>Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="166"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="167"/>
        <source>Repeat new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="168"/>
        <source>&amp;Set new password and unlock</source>
        <translation>Neues Passwort &amp;setzen und entsperren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="169"/>
        <source>Set new password and unlock</source>
        <translation>Neues Passwort setzen und entsperren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="170"/>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="171"/>
        <source>Back to password</source>
        <translation>Zurück zum Passwort</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="204"/>
        <source>Please type the password.</source>
        <translation>Bitte geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="231"/>
        <source>Please type the recovery key.</source>
        <translation>Bitte geben Sie den Wiederherstellungsschlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="239"/>
        <source>The two passwords are not the same. Please type them again.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Bitte geben Sie sie erneut ein.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/unlock.py" line="269"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="119"/>
        <source>your organisation</source>
        <translation>Ihre Organisation</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="123"/>
        <source>Exit interview</source>
        <translation>Austrittsgespräch</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="126"/>
        <source>{organisation} would like to hear about your time with us.</source>
        <translation>{organisation} möchte gern von Ihrer Zeit bei uns hören.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="134"/>
        <source>Why we ask</source>
        <translation>Warum wir fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="136"/>
        <source>What you tell us helps us understand why people leave and what we could do better. It usually takes 10 to 15 minutes.</source>
        <translation>Was Sie uns erzählen, hilft uns zu verstehen, warum Menschen gehen und was wir besser machen können. Es dauert meist 10 bis 15 Minuten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="141"/>
        <source>Who reads it</source>
        <translation>Wer es liest</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="143"/>
        <source>The HR team. Managers only ever see summaries of several people, never your individual answers.</source>
        <translation>Das Personalteam. Führungskräfte sehen nur Zusammenfassungen über mehrere Personen, nie Ihre einzelnen Antworten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="148"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="148"/>
        <source>Not anonymous</source>
        <translation>Nicht anonym</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="152"/>
        <source>How long it is kept</source>
        <translation>Wie lange es aufbewahrt wird</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="153"/>
        <source>{months} months; then your answers are deleted.</source>
        <translation>{months} Monate; danach werden Ihre Antworten gelöscht.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="156"/>
        <source>Your choices</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="158"/>
        <source>You can skip any question, go back and change answers until you submit, and stop at any time. After some answers an automated assistant may ask one short follow-up question; you can always skip it.</source>
        <translation>Sie können jede Frage überspringen, bis zum Absenden zurückgehen und Antworten ändern und jederzeit aufhören. Nach manchen Antworten stellt ein automatischer Assistent vielleicht eine kurze Nachfrage; Sie können sie immer überspringen.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="169"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="170"/>
        <source>&amp;Start the interview</source>
        <translation>Gespräch &amp;beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="171"/>
        <source>Start the interview</source>
        <translation>Gespräch beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="172"/>
        <source>No thank you, I&apos;d rather &amp;not take part</source>
        <translation>Nein danke, ich möchte &amp;nicht teilnehmen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="173"/>
        <source>I&apos;d rather not take part</source>
        <translation>Ich möchte nicht teilnehmen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="176"/>
        <source>That&apos;s completely fine. If you end here, nothing you say is recorded, only that you chose not to take part.</source>
        <translation>Das ist völlig in Ordnung. Wenn Sie hier aufhören, wird nichts gespeichert außer der Tatsache, dass Sie nicht teilnehmen möchten.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="180"/>
        <source>&amp;Yes, end here</source>
        <translation>&amp;Ja, hier beenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="181"/>
        <source>Yes, end here</source>
        <translation>Ja, hier beenden</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="182"/>
        <source>&amp;Go back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="183"/>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="189"/>
        <source>Your name is not stored with your answers. Nobody can tell from this interview who you are, unless you write it yourself.</source>
        <translation>Ihr Name wird nicht mit Ihren Antworten gespeichert. Niemand kann aus diesem Gespräch erkennen, wer Sie sind, es sei denn, Sie schreiben es selbst.</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/welcome.py" line="193"/>
        <source>Your name ({name}) is stored with your answers, as HR agreed with you.</source>
        <translation>Ihr Name ({name}) wird mit Ihren Antworten gespeichert, wie mit dem Personalteam vereinbart.</translation>
    </message>
</context>
<context>
    <name>WorkspaceBar</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="34"/>
        <source>&amp;Home</source>
        <translation>S&amp;tart</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="35"/>
        <source>Home: start or resume interviews</source>
        <translation>Startseite: Gespräche beginnen oder fortsetzen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="39"/>
        <source>&amp;Interviews</source>
        <translation>&amp;Gespräche</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="40"/>
        <source>Interviews: browse, filter and export</source>
        <translation>Gespräche: durchsuchen, filtern und exportieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="44"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="45"/>
        <source>Dashboard: figures for the current filter</source>
        <translation>Übersicht: Zahlen für den aktuellen Filter</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="49"/>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="50"/>
        <source>Settings: policy, reports and the assistant</source>
        <translation>Einstellungen: Richtlinien, Berichte und Assistent</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="54"/>
        <source>&amp;Backup</source>
        <translation>&amp;Datensicherung</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="55"/>
        <source>Backup and health: back up now, automatic backups</source>
        <translation>Sicherung und Zustand: jetzt sichern, automatische Sicherungen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="59"/>
        <source>&amp;Questions</source>
        <translation>&amp;Fragen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="60"/>
        <source>Questions: the question sets, edit and activate</source>
        <translation>Fragen: die Fragenkataloge bearbeiten und aktivieren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="64"/>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="65"/>
        <source>Accounts and keys: HR accounts, keys, erasure</source>
        <translation>Konten und Schlüssel: HR-Konten, Schlüssel, Löschanträge</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="69"/>
        <source>Audit lo&amp;g</source>
        <translation>Protoko&amp;ll</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="70"/>
        <source>Audit log: entries, verification, export</source>
        <translation>Protokoll: Einträge, Prüfung, Export</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="140"/>
        <source>&amp;Start interview</source>
        <translation>Gespräch &amp;beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="141"/>
        <source>Start interview</source>
        <translation>Gespräch beginnen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="142"/>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/workspace.py" line="143"/>
        <source>Lock ExitBot</source>
        <translation>ExitBot sperren</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/answer_inputs.py" line="185"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/employee/answer_inputs.py" line="185"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="95"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="119"/>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="122"/>
        <source>&amp;Repeat new password:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../../exitbot_desktop/ui/hr/account_dialogs.py" line="191"/>
        <source>The two new passwords are not the same. Please type them again.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein. Bitte geben Sie sie erneut ein.</translation>
    </message>
</context>
</TS>
