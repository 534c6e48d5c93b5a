<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Activity</name>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Verzenden mislukt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Linked by email</source>
        <translation>Gekoppeld via e-mail</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Geconverteerd</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Samengevoegd</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Undeleted</source>
        <translation>Teruggezet</translation>
    </message>
    <message>
        <source>Force-synced</source>
        <translation>Geforceerd gesynchroniseerd</translation>
    </message>
    <message>
        <source>Skipped (no access)</source>
        <translation>Overgeslagen (geen toegang)</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>Backfilled</source>
        <translation>Aangevuld</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>{field}: local {local} vs Salesforce {salesforce}; {winner} wins ({policy})</source>
        <translation>{field}: lokaal {local} tegenover Salesforce {salesforce}; {winner} wint ({policy})</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} op {fields}: {message}</translation>
    </message>
    <message>
        <source>created in Salesforce {id}: {fields}</source>
        <translation>aangemaakt in Salesforce {id}: {fields}</translation>
    </message>
    <message>
        <source>pushed {id}: {fields}</source>
        <translation>verzonden {id}: {fields}</translation>
    </message>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>pulled: {pulled}; pushed {pushed}, failed {failed}; now {state}</source>
        <translation>opgehaald: {pulled}; verzonden {pushed}, mislukt {failed}; nu {state}</translation>
    </message>
    <message>
        <source>linked by email {email} to {record}</source>
        <translation>via e-mail {email} gekoppeld aan {record}</translation>
    </message>
    <message>
        <source>converted: Contact {contact}, Account {account}</source>
        <translation>geconverteerd: contact {contact}, account {account}</translation>
    </message>
    <message>
        <source>merged into {record}</source>
        <translation>samengevoegd met {record}</translation>
    </message>
    <message>
        <source>absorbed {record}</source>
        <translation>heeft {record} opgenomen</translation>
    </message>
    <message numerus="yes">
        <source>backfilled {fields} for {count} {object} record(s)</source>
        <translation>
            <numerusform>{fields} aangevuld voor {count} record van {object}</numerusform>
            <numerusform>{fields} aangevuld voor {count} records van {object}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; {count} local edit(s) kept</source>
        <translation>
            <numerusform>; {count} lokale wijziging behouden</numerusform>
            <numerusform>; {count} lokale wijzigingen behouden</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer could not be read: {message}</source>
        <translation>Het antwoord van Salesforce kon niet worden gelezen: {message}</translation>
    </message>
    <message>
        <source>queued again: {fields}</source>
        <translation>opnieuw in de wachtrij: {fields}</translation>
    </message>
    <message>
        <source> (from local)</source>
        <translation> (vanuit lokaal)</translation>
    </message>
    <message>
        <source> (from Salesforce)</source>
        <translation> (vanuit Salesforce)</translation>
    </message>
    <message>
        <source>local</source>
        <comment>the winner of a conflict</comment>
        <translation>lokaal</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>API-naam</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lezen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Local value</source>
        <translation>Lokale waarde</translation>
    </message>
    <message>
        <source>Salesforce value</source>
        <translation>Waarde in Salesforce</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Openstaande wijziging</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Cyclus</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beëindigd</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API-aanroepen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Eerste synchronisatie</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Openstaand</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Alleen lokaal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Salesforce Id</source>
        <translation>Salesforce-ID</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>sfsync hit a bug</source>
        <translation>sfsync is op een fout gestuit</translation>
    </message>
    <message>
        <source>Something went wrong inside sfsync — this is a bug, not something you did. Your data is safe: every change is written together with its queue entry, so nothing half-done is kept.

Please send the report below (secrets are already removed) to whoever looks after sfsync. You can go on working, or quit.</source>
        <translation>Er ging iets mis in sfsync. Dit is een fout in het programma, niet iets wat u hebt gedaan. Uw gegevens zijn veilig: elke wijziging wordt samen met haar plaats in de wachtrij opgeslagen, dus er blijft niets half af.

Stuur het rapport hieronder (geheimen zijn al verwijderd) naar degene die sfsync beheert. U kunt verder werken of afsluiten.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Foutrapport</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Rapport &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>&amp;Doorgaan</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>ok</source>
        <translation>geslaagd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>API-budget bereikt</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>API-limiet bereikt</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>aanmelding nodig</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>interval</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>handmatig</translation>
    </message>
    <message>
        <source>force sync</source>
        <translation>geforceerde synchronisatie</translation>
    </message>
    <message>
        <source>once</source>
        <translation>eenmalig</translation>
    </message>
    <message>
        <source>two-way</source>
        <translation>in twee richtingen</translation>
    </message>
    <message>
        <source>from Salesforce</source>
        <translation>vanuit Salesforce</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>niet begonnen</translation>
    </message>
    <message>
        <source>done</source>
        <translation>voltooid</translation>
    </message>
    <message>
        <source>Checking for changes</source>
        <translation>Wijzigingen zoeken</translation>
    </message>
    <message>
        <source>Waiting for the next cycle</source>
        <translation>Wachten op de volgende cyclus</translation>
    </message>
    <message>
        <source>First sync of {object}</source>
        <translation>Eerste synchronisatie van {object}</translation>
    </message>
    <message>
        <source>Pulling {object}</source>
        <translation>{object} ophalen</translation>
    </message>
    <message>
        <source>Pushing {object}</source>
        <translation>{object} verzenden</translation>
    </message>
    <message>
        <source>Reconciling {object}</source>
        <translation>{object} afstemmen</translation>
    </message>
    <message>
        <source>Fetching newly synced fields of {object}</source>
        <translation>Nieuw gesynchroniseerde velden van {object} ophalen</translation>
    </message>
    <message>
        <source>included by you</source>
        <translation>door u opgenomen</translation>
    </message>
    <message>
        <source>excluded by you</source>
        <translation>door u uitgesloten</translation>
    </message>
    <message>
        <source>included by you (from the next sync)</source>
        <translation>door u opgenomen (vanaf de volgende synchronisatie)</translation>
    </message>
    <message>
        <source>conflict policy: don&apos;t sync</source>
        <translation>conflictbeleid: niet synchroniseren</translation>
    </message>
    <message>
        <source>not useful to sync (excluded by default)</source>
        <translation>niet zinvol om te synchroniseren (standaard uitgesloten)</translation>
    </message>
    <message>
        <source>read-only for the sync user: synced from Salesforce only</source>
        <translation>alleen-lezen voor de synchronisatiegebruiker: alleen vanuit Salesforce gesynchroniseerd</translation>
    </message>
    <message>
        <source>the sync user cannot read this field</source>
        <translation>de synchronisatiegebruiker kan dit veld niet lezen</translation>
    </message>
    <message>
        <source>{type} fields are synced through their component fields</source>
        <translation>velden van het type {type} worden via hun deelvelden gesynchroniseerd</translation>
    </message>
    <message>
        <source>the sync user lost read access ({date}); values kept</source>
        <translation>de synchronisatiegebruiker verloor leestoegang ({date}); waarden behouden</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>bijgewerkt</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>nog niet in Salesforce</translation>
    </message>
    <message>
        <source>not found in Salesforce</source>
        <translation>niet gevonden in Salesforce</translation>
    </message>
</context>
<context>
    <name>ErrorsView</name>
    <message>
        <source>No failed pushes.</source>
        <translation>Geen mislukte verzendingen.</translation>
    </message>
    <message>
        <source>Failed pushes grouped by error and field</source>
        <translation>Mislukte verzendingen gegroepeerd per fout en veld</translation>
    </message>
    <message>
        <source>Records of the selected error groups</source>
        <translation>Records van de geselecteerde foutgroepen</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Selectie opnieuw proberen</translation>
    </message>
    <message>
        <source>Retry the selected failed pushes</source>
        <translation>De geselecteerde mislukte verzendingen opnieuw proberen</translation>
    </message>
    <message>
        <source>Queue the selected records&apos; failed changes again and sync now</source>
        <translation>De mislukte wijzigingen van de geselecteerde records opnieuw in de wachtrij zetten en nu synchroniseren</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Alles opnieuw proberen</translation>
    </message>
    <message>
        <source>Retry every failed push</source>
        <translation>Alle mislukte verzendingen opnieuw proberen</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Persoon openen</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Het geselecteerde record openen</translation>
    </message>
    <message>
        <source>Fix the value in the person&apos;s fields (or the rule in Salesforce), then retry.</source>
        <translation>Corrigeer de waarde in de velden van de persoon (of de regel in Salesforce) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message numerus="yes">
        <source>in {count} group(s)</source>
        <translation>
            <numerusform>{count} groep</numerusform>
            <numerusform>{count} groepen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) failed to push, {groups}.</source>
        <translation>
            <numerusform>{count} record kon niet worden verzonden ({groups}).</numerusform>
            <numerusform>{count} records konden niet worden verzonden ({groups}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>{column}: yes</source>
        <translation>{column}: ja</translation>
    </message>
    <message>
        <source>{column}: no</source>
        <translation>{column}: nee</translation>
    </message>
</context>
<context>
    <name>FieldsView</name>
    <message>
        <source>Object whose fields are shown</source>
        <translation>Object waarvan de velden worden getoond</translation>
    </message>
    <message>
        <source>Filter by label, API name or reason</source>
        <translation>Filteren op label, API-naam of reden</translation>
    </message>
    <message>
        <source>Filter the fields</source>
        <translation>De velden filteren</translation>
    </message>
    <message>
        <source>Fields, access of the sync user, and whether synced</source>
        <translation>Velden, toegang van de synchronisatiegebruiker en of ze worden gesynchroniseerd</translation>
    </message>
    <message>
        <source>Tick Synced to include a field, untick it to exclude it. Fields the sync user cannot read are listed greyed out.</source>
        <translation>Vink Gesynchroniseerd aan om een veld op te nemen, vink het uit om het uit te sluiten. Velden die de synchronisatiegebruiker niet kan lezen, staan grijs in de lijst.</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Object:</translation>
    </message>
    <message numerus="yes">
        <source>{count} field(s), {synced} synced</source>
        <translation>
            <numerusform>{count} veld, {synced} gesynchroniseerd</numerusform>
            <numerusform>{count} velden, {synced} gesynchroniseerd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>{value} %</source>
        <translation>{value}%</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message numerus="yes">
        <source>of {count} record(s)</source>
        <translation>
            <numerusform>van {count} record</numerusform>
            <numerusform>van {count} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} failed change(s) {of_records} queued again</source>
        <translation>
            <numerusform>{count} mislukte wijziging {of_records} opnieuw in de wachtrij gezet</numerusform>
            <numerusform>{count} mislukte wijzigingen {of_records} opnieuw in de wachtrij gezet</numerusform>
        </translation>
    </message>
    <message>
        <source>{record}: {fields} changed; pushed by the next sync</source>
        <translation>{record}: {fields} gewijzigd; verzonden bij de volgende cyclus</translation>
    </message>
    <message>
        <source>{record}: nothing changed</source>
        <translation>{record}: niets gewijzigd</translation>
    </message>
    <message>
        <source>{record} created locally; the next sync creates it in Salesforce</source>
        <translation>{record} lokaal aangemaakt; de volgende synchronisatie maakt het aan in Salesforce</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Niets om opnieuw te proberen</translation>
    </message>
    <message>
        <source>{field} back to the default; applied by the next sync</source>
        <translation>{field} terug naar de standaard; wordt bij de volgende synchronisatie toegepast</translation>
    </message>
    <message>
        <source>{field} included; applied by the next sync</source>
        <translation>{field} opgenomen; wordt bij de volgende synchronisatie toegepast</translation>
    </message>
    <message>
        <source>{field} excluded; applied by the next sync</source>
        <translation>{field} uitgesloten; wordt bij de volgende synchronisatie toegepast</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Instellingen opgeslagen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Weergaven</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>Synchronisatiefouten</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <source>Field access</source>
        <translation>Veldtoegang</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Run a sync cycle now</source>
        <translation>Nu een synchronisatiecyclus uitvoeren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>Pause or resume background sync</source>
        <translation>Achtergrondsynchronisatie pauzeren of hervatten</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Synchronisatie forceren</translation>
    </message>
    <message>
        <source>Sync the selected person both ways now</source>
        <translation>De geselecteerde persoon nu in beide richtingen synchroniseren</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nieuwe persoon…</translation>
    </message>
    <message>
        <source>Create a Lead or Contact (sent by the next sync)</source>
        <translation>Een lead of contact aanmaken (verzonden bij de volgende synchronisatie)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>In de records zoeken</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Interval, objects, conflict policies, API budget, language</source>
        <translation>Interval, objecten, conflictbeleid, API-budget, taal</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Aanmelden bij Salesforce…</translation>
    </message>
    <message>
        <source>Connect to your Salesforce org</source>
        <translation>Verbinding maken met uw Salesforce-organisatie</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>De demo-organisatie proberen</translation>
    </message>
    <message>
        <source>Sync with a local demo org</source>
        <translation>Synchroniseren met een lokale demo-organisatie</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Ander profiel…</translation>
    </message>
    <message>
        <source>Sync with another saved sign-in, or sign in with a new account</source>
        <translation>Synchroniseren met een andere opgeslagen aanmelding, of aanmelden met een nieuw account</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Afmelden…</translation>
    </message>
    <message>
        <source>Remove this sign-in and its secrets from this computer</source>
        <translation>Deze aanmelding en haar geheimen van deze computer verwijderen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Person panel</source>
        <translation>Persoonspaneel</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <comment>menu</comment>
        <translation>&amp;Synchronisatie</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <comment>menu</comment>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu</comment>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <source>Starting {source}…</source>
        <translation>{source} starten…</translation>
    </message>
    <message>
        <source>the demo org</source>
        <translation>de demo-organisatie</translation>
    </message>
    <message>
        <source>sfsync — {where}</source>
        <translation>sfsync — {where}</translation>
    </message>
    <message>
        <source>Sync failures</source>
        <translation>Synchronisatiefouten</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) could not be pushed to Salesforce; see Sync errors.</source>
        <translation>
            <numerusform>{count} wijziging kon niet naar Salesforce worden verzonden; zie Synchronisatiefouten.</numerusform>
            <numerusform>{count} wijzigingen konden niet naar Salesforce worden verzonden; zie Synchronisatiefouten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”: the sync waits until you sign in again.</source>
        <translation>Salesforce accepteert de aanmelding van profiel ‘{0}’ niet meer: de synchronisatie wacht tot u zich opnieuw aanmeldt.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Opnieuw aanmelden…</translation>
    </message>
    <message>
        <source>{record}: pulled: {pulled}; pushed {pushed}</source>
        <translation>{record}: opgehaald: {pulled}; verzonden {pushed}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} mislukt</numerusform>
            <numerusform>, {count} mislukt</numerusform>
        </translation>
    </message>
    <message>
        <source>; now {state}</source>
        <translation>; nu {state}</translation>
    </message>
    <message>
        <source>Force sync done — {results}</source>
        <translation>Geforceerde synchronisatie voltooid — {results}</translation>
    </message>
    <message>
        <source>Force sync of {record} failed: {error}</source>
        <translation>Geforceerde synchronisatie van {record} mislukt: {error}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>Kon niet starten: {error}</translation>
    </message>
    <message>
        <source>The sync stopped: {error}</source>
        <translation>De synchronisatie is gestopt: {error}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <source>Sync asked for</source>
        <translation>Synchronisatie aangevraagd</translation>
    </message>
    <message>
        <source>Pick a person in the Records view first, then force sync.</source>
        <translation>Kies eerst een persoon in de weergave Records en forceer dan de synchronisatie.</translation>
    </message>
    <message>
        <source>Force sync of {record} asked for…</source>
        <translation>Geforceerde synchronisatie van {record} aangevraagd…</translation>
    </message>
    <message>
        <source>The sync is not running: the change was not saved.</source>
        <translation>De synchronisatie loopt niet: de wijziging is niet opgeslagen.</translation>
    </message>
    <message>
        <source>There is no {record} any more.</source>
        <translation>{record} bestaat niet meer.</translation>
    </message>
    <message>
        <source>signed in again</source>
        <translation>opnieuw aangemeld</translation>
    </message>
    <message>
        <source>Sign out — sfsync</source>
        <translation>Afmelden — sfsync</translation>
    </message>
    <message>
        <source>Sign out of “{0}”? The sync stops, and the sign-in and its secrets are removed from this computer. The local database stays.</source>
        <translation>Afmelden bij ‘{0}’? De synchronisatie stopt, en de aanmelding en haar geheimen worden van deze computer verwijderd. De lokale database blijft bestaan.</translation>
    </message>
    <message>
        <source>Signing out of {0}…</source>
        <translation>Afmelden bij {0}…</translation>
    </message>
    <message>
        <source>Signed out of {0}.</source>
        <translation>Afgemeld bij {0}.</translation>
    </message>
    <message>
        <source>Could not sign out of {0}: {1}</source>
        <translation>Afmelden bij {0} is mislukt: {1}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Het bericht sluiten</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person — sfsync</source>
        <translation>Nieuwe persoon — sfsync</translation>
    </message>
    <message>
        <source>Create as</source>
        <translation>Aanmaken als</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>The person exists here until the next sync creates it in Salesforce (or links it to the Lead or Contact with the same email).</source>
        <translation>De persoon bestaat hier tot de volgende synchronisatie hem in Salesforce aanmaakt (of hem koppelt aan de lead of het contact met hetzelfde e-mailadres).</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field} is verplicht</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show sfsync</source>
        <translation>sfsync tonen</translation>
    </message>
</context>
<context>
    <name>PersonFieldsModel</name>
    <message>
        <source>Waiting to be pushed</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Verzenden mislukt</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Niet gesynchroniseerd</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Pick a record in the Records view to see it here.</source>
        <translation>Kies een record in de weergave Records om het hier te zien.</translation>
    </message>
    <message>
        <source>Records of this person</source>
        <translation>Records van deze persoon</translation>
    </message>
    <message>
        <source>A converted Lead and its Contact are one person</source>
        <translation>Een geconverteerde lead en zijn contact zijn één persoon</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Synchronisatie forceren</translation>
    </message>
    <message>
        <source>Force sync this person</source>
        <translation>De synchronisatie van deze persoon forceren</translation>
    </message>
    <message>
        <source>Sync this person both ways now (Ctrl+Shift+F)</source>
        <translation>Deze persoon nu in beide richtingen synchroniseren (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Sync to Salesforce</source>
        <translation>Naar Salesforce synchroniseren</translation>
    </message>
    <message>
        <source>Create this person in Salesforce now</source>
        <translation>Deze persoon nu in Salesforce aanmaken</translation>
    </message>
    <message>
        <source>This person exists only here: create it in Salesforce now</source>
        <translation>Deze persoon bestaat alleen hier: maak hem nu aan in Salesforce</translation>
    </message>
    <message>
        <source>Fields: local value, Salesforce value, pending change</source>
        <translation>Velden: lokale waarde, waarde in Salesforce, openstaande wijziging</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Activiteitenlog</translation>
    </message>
    <message>
        <source>Show activity of kind</source>
        <translation>Activiteit van dit soort tonen</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Filter the activity</source>
        <translation>De activiteit filteren</translation>
    </message>
    <message>
        <source>Filter the activity by text</source>
        <translation>De activiteit op tekst filteren</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Velden</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>nog niet in Salesforce</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Laatste fout: {error}</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Pick a saved sign-in to sync with, or sign in with a new account.</source>
        <translation>Kies een opgeslagen aanmelding om mee te synchroniseren, of meld u aan met een nieuw account.</translation>
    </message>
    <message>
        <source>Saved sign-ins</source>
        <translation>Opgeslagen aanmeldingen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instantie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>Verbinden met het geselecteerde profiel</translation>
    </message>
    <message>
        <source>Sign in with a new account…</source>
        <translation>Aanmelden met een nieuw account…</translation>
    </message>
    <message>
        <source>Sign in with a new account</source>
        <translation>Aanmelden met een nieuw account</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>De demo-organisatie proberen</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Aanmelding nodig</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>Nog niet aangemeld</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>{0} (now)</source>
        <translation>{0} (huidig)</translation>
    </message>
</context>
<context>
    <name>ProfilePickerDialog</name>
    <message>
        <source>Switch profile — sfsync</source>
        <translation>Ander profiel — sfsync</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Could not read the {object} records: {error}</source>
        <translation>De records van {object} konden niet worden gelezen: {error}</translation>
    </message>
    <message>
        <source>Not in Salesforce yet</source>
        <translation>Nog niet in Salesforce</translation>
    </message>
    <message>
        <source>sync state {state}</source>
        <translation>synchronisatiestatus {state}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search name, email, company or Salesforce Id</source>
        <translation>Zoek op naam, e-mail, bedrijf of Salesforce-ID</translation>
    </message>
    <message>
        <source>Finds records whose name, email, company or Salesforce Id starts with the text; @domain finds an email domain</source>
        <translation>Vindt records waarvan de naam, het e-mailadres, het bedrijf of de Salesforce-ID met de tekst begint; @domein vindt een e-maildomein</translation>
    </message>
    <message>
        <source>Search {object} records</source>
        <translation>Records van {object} zoeken</translation>
    </message>
    <message>
        <source>Filter {object} records by sync state</source>
        <translation>Records van {object} filteren op synchronisatiestatus</translation>
    </message>
    <message>
        <source>{object} record count</source>
        <translation>Aantal records van {object}</translation>
    </message>
    <message>
        <source>{object} records</source>
        <translation>Records van {object}</translation>
    </message>
    <message numerus="yes">
        <source>{count} found</source>
        <comment>records matching the search</comment>
        <translation>
            <numerusform>{count} gevonden</numerusform>
            <numerusform>{count} gevonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s)</source>
        <translation>
            <numerusform>{count} record</numerusform>
            <numerusform>{count} records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Synced objects</source>
        <translation>Gesynchroniseerde objecten</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Local wins</source>
        <translation>Lokaal wint</translation>
    </message>
    <message>
        <source>Salesforce wins</source>
        <translation>Salesforce wint</translation>
    </message>
    <message>
        <source>Salesforce wins unless blank</source>
        <translation>Salesforce wint, tenzij leeg</translation>
    </message>
    <message>
        <source>Don&apos;t sync</source>
        <translation>Niet synchroniseren</translation>
    </message>
    <message>
        <source>Default (local wins)</source>
        <translation>Standaard (lokaal wint)</translation>
    </message>
    <message>
        <source>Settings — sfsync</source>
        <translation>Instellingen — sfsync</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between sync cycles</source>
        <translation>Seconden tussen synchronisatiecycli</translation>
    </message>
    <message>
        <source> %</source>
        <comment>percent</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>Share of the daily API allowance for background sync</source>
        <translation>Deel van het dagelijkse API-tegoed voor achtergrondsynchronisatie</translation>
    </message>
    <message>
        <source>Background sync pauses when the org has used this share of its daily API calls; force sync still works up to 95 %.</source>
        <translation>Achtergrondsynchronisatie pauzeert wanneer de organisatie dit deel van haar dagelijkse API-aanroepen heeft gebruikt; geforceerde synchronisatie werkt nog tot 95 %.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Taal van het venster</translation>
    </message>
    <message>
        <source>Automatic follows the language of your computer. A new choice applies the next time sfsync starts.</source>
        <translation>Automatisch volgt de taal van uw computer. Een nieuwe keuze geldt vanaf de volgende keer dat sfsync start.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>The new language applies the next time sfsync starts.</source>
        <translation>De nieuwe taal geldt vanaf de volgende keer dat sfsync start.</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Synchroniseren elke</translation>
    </message>
    <message>
        <source>API budget for background sync</source>
        <translation>API-budget voor achtergrondsynchronisatie</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Objects: synced or not, direction, conflict policy</source>
        <translation>Objecten: gesynchroniseerd of niet, richting, conflictbeleid</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richting</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>Conflictbeleid</translation>
    </message>
    <message>
        <source>Conflict policy of {object}</source>
        <translation>Conflictbeleid van {object}</translation>
    </message>
    <message>
        <source>Objects (untick to stop syncing one)</source>
        <translation>Objecten (vink er een uit om het niet meer te synchroniseren)</translation>
    </message>
    <message>
        <source>Conflict policies of single fields</source>
        <translation>Conflictbeleid van afzonderlijke velden</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Beleid</translation>
    </message>
    <message>
        <source>Object of a new field policy</source>
        <translation>Object van een nieuw veldbeleid</translation>
    </message>
    <message>
        <source>Field of a new field policy</source>
        <translation>Veld van een nieuw veldbeleid</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Toe&amp;voegen</translation>
    </message>
    <message>
        <source>Add a field policy</source>
        <translation>Een veldbeleid toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <source>Remove the selected field policy</source>
        <translation>Het geselecteerde veldbeleid verwijderen</translation>
    </message>
    <message>
        <source>Field policies (override the object&apos;s)</source>
        <translation>Veldbeleid (vervangt dat van het object)</translation>
    </message>
    <message>
        <source>Sync changes apply from the next sync cycle.</source>
        <translation>Wijzigingen in de synchronisatie gelden vanaf de volgende cyclus.</translation>
    </message>
    <message>
        <source>Conflict policy of {object}.{field}</source>
        <translation>Conflictbeleid van {object}.{field}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in again — sfsync</source>
        <translation>Opnieuw aanmelden — sfsync</translation>
    </message>
    <message>
        <source>Sign in to Salesforce — sfsync</source>
        <translation>Aanmelden bij Salesforce — sfsync</translation>
    </message>
    <message>
        <source>Sign in to profile “{0}” to sync with it; its settings stay as saved.</source>
        <translation>Meld u aan bij profiel ‘{0}’ om ermee te synchroniseren; de instellingen blijven zoals ze zijn opgeslagen.</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”{1}. Sign in again to resume the sync; nothing synced so far is lost.</source>
        <translation>Salesforce accepteert de aanmelding van profiel ‘{0}’{1} niet meer. Meld u opnieuw aan om de synchronisatie te hervatten; er gaat niets verloren van wat al gesynchroniseerd is.</translation>
    </message>
    <message>
        <source>Sign in once; the window then syncs with this org. Secrets are kept in the system keyring, never in a file.</source>
        <translation>Meld u één keer aan; daarna synchroniseert het venster met deze organisatie. Geheimen worden in de sleutelbos van het systeem bewaard, nooit in een bestand.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Aanmeldmethode</translation>
    </message>
    <message>
        <source>Browser sign-in (recommended)</source>
        <translation>Aanmelden via de browser (aanbevolen)</translation>
    </message>
    <message>
        <source>JWT bearer (private key, unattended)</source>
        <translation>JWT bearer (privésleutel, zonder toezicht)</translation>
    </message>
    <message>
        <source>Client credentials (unattended)</source>
        <translation>Clientreferenties (zonder toezicht)</translation>
    </message>
    <message>
        <source>Username and password (legacy)</source>
        <translation>Gebruikersnaam en wachtwoord (verouderd)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profielnaam</translation>
    </message>
    <message>
        <source>How this sign-in is called (sfsync --profile NAME)</source>
        <translation>Hoe deze aanmelding heet (sfsync --profile NAME)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Productie (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>Custom domain (My Domain or another URL)</source>
        <translation>Aangepast domein (Mijn domein of een andere URL)</translation>
    </message>
    <message>
        <source>Login URL</source>
        <translation>Aanmeld-URL</translation>
    </message>
    <message>
        <source>https://yourcompany.my.salesforce.com</source>
        <translation>https://uwbedrijf.my.salesforce.com</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer key</source>
        <translation>de consumentensleutel van de verbonden app</translation>
    </message>
    <message>
        <source>The consumer key of the connected app your Salesforce admin set up for sfsync</source>
        <translation>De consumentensleutel van de verbonden app die uw Salesforce-beheerder voor sfsync heeft ingesteld</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>gebruiker@example.com</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Bestand met privésleutel</translation>
    </message>
    <message>
        <source>PEM file that signs the JWT assertions</source>
        <translation>PEM-bestand dat de JWT-verklaringen ondertekent</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Het bestand met de privésleutel kiezen</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Wachtwoordzin van de sleutel</translation>
    </message>
    <message>
        <source>only if the key file is encrypted</source>
        <translation>alleen als het sleutelbestand versleuteld is</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer secret</source>
        <translation>het consumentengeheim van de verbonden app</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>Beveiligingstoken</translation>
    </message>
    <message>
        <source>empty if your IP address is trusted</source>
        <translation>leeg als uw IP-adres vertrouwd is</translation>
    </message>
    <message>
        <source>The username-password flow is legacy: Salesforce blocks it by default in orgs created since Summer &apos;23 and retires SOAP login() in Summer &apos;27. Prefer Browser sign-in or, unattended, JWT bearer or Client credentials.</source>
        <translation>De gebruikersnaam-wachtwoordmethode is verouderd: Salesforce blokkeert haar standaard in organisaties die sinds Summer &apos;23 zijn aangemaakt en schaft SOAP login() af in Summer &apos;27. Gebruik liever aanmelden via de browser of, zonder toezicht, JWT bearer of clientreferenties.</translation>
    </message>
    <message>
        <source>Legacy sign-in warning</source>
        <translation>Waarschuwing over verouderde aanmelding</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Aanmelden met</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Geavanceerd</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Geavanceerde instellingen</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-bestand</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>de certificaten van het systeem</translation>
    </message>
    <message>
        <source>A CA bundle (PEM) to trust instead of the system&apos;s, for a private org such as the local one</source>
        <translation>Een CA-bundel (PEM) om te vertrouwen in plaats van die van het systeem, voor een privé-organisatie zoals de lokale</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Het CA-bestand kiezen</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Callbackpoort</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>een vrije poort</translation>
    </message>
    <message>
        <source>Browser sign-in: the loopback port. Give one when the connected app&apos;s callback URL names it: http://127.0.0.1:PORT/callback</source>
        <translation>Aanmelden via de browser: de lokale poort. Geef er een op als de callback-URL van de verbonden app die noemt: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Aanmeldfout</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Voortgang van de aanmelding</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>De aanmeldpagina opnieuw openen</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>De link kopiëren</translation>
    </message>
    <message>
        <source>Paste it into the browser you sign in with</source>
        <translation>Plak hem in de browser waarmee u zich aanmeldt</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>a profile name</source>
        <translation>een profielnaam</translation>
    </message>
    <message>
        <source>another profile name (“{0}” exists: pick it in the profile list to sign in again)</source>
        <translation>een andere profielnaam (‘{0}’ bestaat al: kies het in de profiellijst om u opnieuw aan te melden)</translation>
    </message>
    <message>
        <source>a profile name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>een profielnaam van letters, cijfers, &apos;.&apos;, &apos;_&apos; of &apos;-&apos;</translation>
    </message>
    <message>
        <source>the login URL</source>
        <translation>de aanmeld-URL</translation>
    </message>
    <message>
        <source>your org&apos;s My Domain URL (client credentials do not work with login.salesforce.com or test.salesforce.com)</source>
        <translation>de Mijn domein-URL van uw organisatie (clientreferenties werken niet met login.salesforce.com of test.salesforce.com)</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>de client-ID</translation>
    </message>
    <message>
        <source>the username</source>
        <translation>de gebruikersnaam</translation>
    </message>
    <message>
        <source>the private key file</source>
        <translation>het bestand met de privésleutel</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>het wachtwoord</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>het clientgeheim</translation>
    </message>
    <message>
        <source>Still needed: {0}.</source>
        <translation>Nog nodig: {0}.</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-sleutels (*.pem *.key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>{0} controleren…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened ({0} left). If none opened, open the sign-in page from here.</source>
        <translation>Rond de aanmelding af in het browservenster dat is geopend (nog {0}). Is er geen geopend, open de aanmeldpagina dan hier.</translation>
    </message>
    <message>
        <source>No browser could be opened: copy the link into your browser and sign in there ({0} left).</source>
        <translation>Er kon geen browser worden geopend: kopieer de link naar uw browser en meld u daar aan (nog {0}).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled; nothing was saved.</source>
        <translation>De aanmelding is geannuleerd; er is niets opgeslagen.</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>Salesforce ({profile})</source>
        <translation>Salesforce ({profile})</translation>
    </message>
    <message>
        <source>the demo org</source>
        <translation>de demo-organisatie</translation>
    </message>
    <message>
        <source>the local org</source>
        <translation>de lokale organisatie</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>running {done} / {total}</source>
        <translation>bezig {done} / {total}</translation>
    </message>
    <message>
        <source>Not syncing yet.</source>
        <translation>Er wordt nog niet gesynchroniseerd.</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Huidige fase</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>Voortgang van de eerste synchronisatie</translation>
    </message>
    <message>
        <source>%v / %m records (%p %)</source>
        <translation>%v / %m records (%p%)</translation>
    </message>
    <message>
        <source>Synced objects and their record counts</source>
        <translation>Gesynchroniseerde objecten en hun aantal records</translation>
    </message>
    <message>
        <source>Sync cycles</source>
        <translation>Synchronisatiecycli</translation>
    </message>
    <message>
        <source>Per object figures of the selected cycle</source>
        <translation>Cijfers per object van de geselecteerde cyclus</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objecten</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycli</translation>
    </message>
    <message>
        <source>Selected cycle, per object</source>
        <translation>Geselecteerde cyclus, per object</translation>
    </message>
    <message>
        <source>{object}: %v / %m records (%p %)</source>
        <translation>{object}: %v / %m records (%p%)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>All states</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Gesynchroniseerd</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Openstaand</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Alleen lokaal</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
</context>
<context>
    <name>SyncStateInSentence</name>
    <message>
        <source>synced</source>
        <translation>gesynchroniseerd</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>openstaand</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>in conflict</translation>
    </message>
    <message>
        <source>local only</source>
        <translation>alleen lokaal</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>verwijderd</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Niet verbonden</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Bezig met synchroniseren</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Up-to-date</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Aanmelding nodig</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>API-budget bereikt</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>API-limiet bereikt</translation>
    </message>
    <message>
        <source>Last cycle failed</source>
        <translation>Laatste cyclus mislukt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Opnieuw aanmelden…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Opnieuw aanmelden</translation>
    </message>
    <message>
        <source>Salesforce refused the saved sign-in: sign in again to resume the sync</source>
        <translation>Salesforce heeft de opgeslagen aanmelding geweigerd: meld u opnieuw aan om de synchronisatie te hervatten</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Laatste cyclus</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Volgende cyclus</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>API-gebruik</translation>
    </message>
    <message numerus="yes">
        <source>{count} API call(s)</source>
        <translation>
            <numerusform>{count} API-aanroep</numerusform>
            <numerusform>{count} API-aanroepen</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync {time}: {status}, {calls}</source>
        <translation>Laatste cyclus {time}: {status}, {calls}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} mislukt</numerusform>
            <numerusform>, {count} mislukt</numerusform>
        </translation>
    </message>
    <message>
        <source>API {used} / {limit} today ({share})</source>
        <translation>API {used} / {limit} vandaag ({share})</translation>
    </message>
    <message>
        <source>Next sync in {time}</source>
        <translation>Volgende cyclus over {time}</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} op {fields}: {message}</translation>
    </message>
    <message>
        <source>{code}: {message}</source>
        <translation>{code}: {message}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to sfsync</source>
        <translation>Welkom bij sfsync</translation>
    </message>
    <message>
        <source>sfsync keeps a local database in two-way sync with a Salesforce org and shows you that sync: which records are in sync, which failed and why, what happened to a person, which fields the sync user can reach.</source>
        <translation>sfsync houdt een lokale database in twee richtingen gesynchroniseerd met een Salesforce-organisatie en laat u die synchronisatie zien: welke records gesynchroniseerd zijn, welke mislukten en waarom, wat er met een persoon is gebeurd, bij welke velden de synchronisatiegebruiker kan.</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>De demo-organisatie proberen</translation>
    </message>
    <message>
        <source>A local Salesforce org with sample data, started inside the app: nothing leaves this computer</source>
        <translation>Een lokale Salesforce-organisatie met voorbeeldgegevens, gestart in de app: er verlaat niets deze computer</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Aanmelden bij Salesforce…</translation>
    </message>
    <message>
        <source>Sign in to Salesforce</source>
        <translation>Aanmelden bij Salesforce</translation>
    </message>
</context>
</TS>
