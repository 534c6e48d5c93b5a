<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Activity</name>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Invio non riuscito</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflitto</translation>
    </message>
    <message>
        <source>Linked by email</source>
        <translation>Collegato tramite e-mail</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Convertito</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Unito</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminato</translation>
    </message>
    <message>
        <source>Undeleted</source>
        <translation>Ripristinato</translation>
    </message>
    <message>
        <source>Force-synced</source>
        <translation>Sincronizzazione forzata</translation>
    </message>
    <message>
        <source>Skipped (no access)</source>
        <translation>Ignorato (nessun accesso)</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Riprovato</translation>
    </message>
    <message>
        <source>Backfilled</source>
        <translation>Completato</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>{field}: local {local} vs Salesforce {salesforce}; {winner} wins ({policy})</source>
        <translation>{field}: locale {local} contro Salesforce {salesforce}; prevale {winner} ({policy})</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} su {fields}: {message}</translation>
    </message>
    <message>
        <source>created in Salesforce {id}: {fields}</source>
        <translation>creato in Salesforce {id}: {fields}</translation>
    </message>
    <message>
        <source>pushed {id}: {fields}</source>
        <translation>inviato {id}: {fields}</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creato</translation>
    </message>
    <message>
        <source>pulled: {pulled}; pushed {pushed}, failed {failed}; now {state}</source>
        <translation>ricevuto: {pulled}; inviati {pushed}, non riusciti {failed}; ora {state}</translation>
    </message>
    <message>
        <source>linked by email {email} to {record}</source>
        <translation>collegato tramite l’e-mail {email} a {record}</translation>
    </message>
    <message>
        <source>converted: Contact {contact}, Account {account}</source>
        <translation>convertito: contatto {contact}, account {account}</translation>
    </message>
    <message>
        <source>merged into {record}</source>
        <translation>unito a {record}</translation>
    </message>
    <message>
        <source>absorbed {record}</source>
        <translation>ha assorbito {record}</translation>
    </message>
    <message numerus="yes">
        <source>backfilled {fields} for {count} {object} record(s)</source>
        <translation>
            <numerusform>{fields} completato per {count} record di {object}</numerusform>
            <numerusform>{fields} completato per {count} record di {object}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; {count} local edit(s) kept</source>
        <translation>
            <numerusform>; {count} modifica locale mantenuta</numerusform>
            <numerusform>; {count} modifiche locali mantenute</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer could not be read: {message}</source>
        <translation>Non è stato possibile leggere la risposta di Salesforce: {message}</translation>
    </message>
    <message>
        <source>queued again: {fields}</source>
        <translation>di nuovo in coda: {fields}</translation>
    </message>
    <message>
        <source> (from local)</source>
        <translation> (da locale)</translation>
    </message>
    <message>
        <source> (from Salesforce)</source>
        <translation> (da Salesforce)</translation>
    </message>
    <message>
        <source>local</source>
        <comment>the winner of a conflict</comment>
        <translation>il valore locale</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>Nome API</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lettura</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Creazione</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizzato</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Local value</source>
        <translation>Valore locale</translation>
    </message>
    <message>
        <source>Salesforce value</source>
        <translation>Valore in Salesforce</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Modifica in sospeso</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Avvio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>Chiamate API</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovi</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornati</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminati</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflitti</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Inviati</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riusciti</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorati</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direzione</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Prima sincronizzazione</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>In sospeso</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Solo locali</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Salesforce Id</source>
        <translation>ID Salesforce</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>sfsync hit a bug</source>
        <translation>sfsync ha riscontrato un errore</translation>
    </message>
    <message>
        <source>Something went wrong inside sfsync — this is a bug, not something you did. Your data is safe: every change is written together with its queue entry, so nothing half-done is kept.

Please send the report below (secrets are already removed) to whoever looks after sfsync. You can go on working, or quit.</source>
        <translation>Qualcosa non ha funzionato all’interno di sfsync: è un errore del programma, non qualcosa che hai fatto tu. I tuoi dati sono al sicuro: ogni modifica viene scritta insieme alla sua voce in coda, quindi non resta nulla a metà.

Invia il rapporto qui sotto (i segreti sono già stati rimossi) a chi si occupa di sfsync. Puoi continuare a lavorare oppure uscire.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Rapporto dell’errore</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copia rapporto</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>C&amp;ontinua</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>ok</source>
        <translation>riuscito</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>running</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>interrotto</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>budget API esaurito</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>limite API raggiunto</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>accesso richiesto</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>intervallo</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuale</translation>
    </message>
    <message>
        <source>force sync</source>
        <translation>sincronizzazione forzata</translation>
    </message>
    <message>
        <source>once</source>
        <translation>una volta</translation>
    </message>
    <message>
        <source>two-way</source>
        <translation>bidirezionale</translation>
    </message>
    <message>
        <source>from Salesforce</source>
        <translation>da Salesforce</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non iniziata</translation>
    </message>
    <message>
        <source>done</source>
        <translation>completata</translation>
    </message>
    <message>
        <source>Checking for changes</source>
        <translation>Ricerca delle modifiche</translation>
    </message>
    <message>
        <source>Waiting for the next cycle</source>
        <translation>In attesa del prossimo ciclo</translation>
    </message>
    <message>
        <source>First sync of {object}</source>
        <translation>Prima sincronizzazione di {object}</translation>
    </message>
    <message>
        <source>Pulling {object}</source>
        <translation>Ricezione di {object}</translation>
    </message>
    <message>
        <source>Pushing {object}</source>
        <translation>Invio di {object}</translation>
    </message>
    <message>
        <source>Reconciling {object}</source>
        <translation>Riconciliazione di {object}</translation>
    </message>
    <message>
        <source>Fetching newly synced fields of {object}</source>
        <translation>Recupero dei campi appena sincronizzati di {object}</translation>
    </message>
    <message>
        <source>included by you</source>
        <translation>incluso da te</translation>
    </message>
    <message>
        <source>excluded by you</source>
        <translation>escluso da te</translation>
    </message>
    <message>
        <source>included by you (from the next sync)</source>
        <translation>incluso da te (dalla prossima sincronizzazione)</translation>
    </message>
    <message>
        <source>conflict policy: don&apos;t sync</source>
        <translation>criterio per i conflitti: non sincronizzare</translation>
    </message>
    <message>
        <source>not useful to sync (excluded by default)</source>
        <translation>non utile da sincronizzare (escluso per impostazione predefinita)</translation>
    </message>
    <message>
        <source>read-only for the sync user: synced from Salesforce only</source>
        <translation>di sola lettura per l’utente di sincronizzazione: sincronizzato solo da Salesforce</translation>
    </message>
    <message>
        <source>the sync user cannot read this field</source>
        <translation>l’utente di sincronizzazione non può leggere questo campo</translation>
    </message>
    <message>
        <source>{type} fields are synced through their component fields</source>
        <translation>i campi di tipo {type} vengono sincronizzati tramite i loro campi componenti</translation>
    </message>
    <message>
        <source>the sync user lost read access ({date}); values kept</source>
        <translation>l’utente di sincronizzazione ha perso l’accesso in lettura ({date}); valori conservati</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuovo</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aggiornato</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>invariato</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminato</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflitto</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>non ancora in Salesforce</translation>
    </message>
    <message>
        <source>not found in Salesforce</source>
        <translation>non trovato in Salesforce</translation>
    </message>
</context>
<context>
    <name>ErrorsView</name>
    <message>
        <source>No failed pushes.</source>
        <translation>Nessun invio non riuscito.</translation>
    </message>
    <message>
        <source>Failed pushes grouped by error and field</source>
        <translation>Invii non riusciti raggruppati per errore e campo</translation>
    </message>
    <message>
        <source>Records of the selected error groups</source>
        <translation>Record dei gruppi di errori selezionati</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Riprova selezionati</translation>
    </message>
    <message>
        <source>Retry the selected failed pushes</source>
        <translation>Riprova gli invii non riusciti selezionati</translation>
    </message>
    <message>
        <source>Queue the selected records&apos; failed changes again and sync now</source>
        <translation>Rimetti in coda le modifiche non riuscite dei record selezionati e sincronizza ora</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Riprova tutti</translation>
    </message>
    <message>
        <source>Retry every failed push</source>
        <translation>Riprova tutti gli invii non riusciti</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Apri persona</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Apri il record selezionato</translation>
    </message>
    <message>
        <source>Fix the value in the person&apos;s fields (or the rule in Salesforce), then retry.</source>
        <translation>Correggi il valore nei campi della persona (o la regola in Salesforce), poi riprova.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message numerus="yes">
        <source>in {count} group(s)</source>
        <translation>
            <numerusform>{count} gruppo</numerusform>
            <numerusform>{count} gruppi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) failed to push, {groups}.</source>
        <translation>
            <numerusform>{count} record non è stato inviato ({groups}).</numerusform>
            <numerusform>{count} record non sono stati inviati ({groups}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>{column}: yes</source>
        <translation>{column}: sì</translation>
    </message>
    <message>
        <source>{column}: no</source>
        <translation>{column}: no</translation>
    </message>
</context>
<context>
    <name>FieldsView</name>
    <message>
        <source>Object whose fields are shown</source>
        <translation>Oggetto di cui si vedono i campi</translation>
    </message>
    <message>
        <source>Filter by label, API name or reason</source>
        <translation>Filtra per etichetta, nome API o motivo</translation>
    </message>
    <message>
        <source>Filter the fields</source>
        <translation>Filtra i campi</translation>
    </message>
    <message>
        <source>Fields, access of the sync user, and whether synced</source>
        <translation>Campi, accesso dell’utente di sincronizzazione e se sono sincronizzati</translation>
    </message>
    <message>
        <source>Tick Synced to include a field, untick it to exclude it. Fields the sync user cannot read are listed greyed out.</source>
        <translation>Seleziona Sincronizzato per includere un campo, deselezionalo per escluderlo. I campi che l’utente di sincronizzazione non può leggere sono in grigio.</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Oggetto:</translation>
    </message>
    <message numerus="yes">
        <source>{count} field(s), {synced} synced</source>
        <translation>
            <numerusform>{count} campo; sincronizzati: {synced}</numerusform>
            <numerusform>{count} campi; sincronizzati: {synced}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message numerus="yes">
        <source>of {count} record(s)</source>
        <translation>
            <numerusform>di {count} record</numerusform>
            <numerusform>di {count} record</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} failed change(s) {of_records} queued again</source>
        <translation>
            <numerusform>{count} modifica non riuscita {of_records} rimessa in coda</numerusform>
            <numerusform>{count} modifiche non riuscite {of_records} rimesse in coda</numerusform>
        </translation>
    </message>
    <message>
        <source>{record}: {fields} changed; pushed by the next sync</source>
        <translation>{record}: {fields} modificato; invio al prossimo ciclo</translation>
    </message>
    <message>
        <source>{record}: nothing changed</source>
        <translation>{record}: nessuna modifica</translation>
    </message>
    <message>
        <source>{record} created locally; the next sync creates it in Salesforce</source>
        <translation>{record} creato in locale; la prossima sincronizzazione lo creerà in Salesforce</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Niente da riprovare</translation>
    </message>
    <message>
        <source>{field} back to the default; applied by the next sync</source>
        <translation>{field} torna all’impostazione predefinita; verrà applicato con la prossima sincronizzazione</translation>
    </message>
    <message>
        <source>{field} included; applied by the next sync</source>
        <translation>{field} incluso; verrà applicato con la prossima sincronizzazione</translation>
    </message>
    <message>
        <source>{field} excluded; applied by the next sync</source>
        <translation>{field} escluso; verrà applicato con la prossima sincronizzazione</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Impostazioni salvate</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Viste</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>Errori di sincronizzazione</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Stato della sincronizzazione</translation>
    </message>
    <message>
        <source>Field access</source>
        <translation>Accesso ai campi</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizza ora</translation>
    </message>
    <message>
        <source>Run a sync cycle now</source>
        <translation>Esegui ora un ciclo di sincronizzazione</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause or resume background sync</source>
        <translation>Sospendi o riprendi la sincronizzazione in background</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forza sincronizzazione</translation>
    </message>
    <message>
        <source>Sync the selected person both ways now</source>
        <translation>Sincronizza ora la persona selezionata in entrambe le direzioni</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nuova persona…</translation>
    </message>
    <message>
        <source>Create a Lead or Contact (sent by the next sync)</source>
        <translation>Crea un lead o un contatto (inviato con la prossima sincronizzazione)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>Cerca nei record</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Impostazioni…</translation>
    </message>
    <message>
        <source>Interval, objects, conflict policies, API budget, language</source>
        <translation>Intervallo, oggetti, criteri per i conflitti, budget API, lingua</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Accedi a Salesforce…</translation>
    </message>
    <message>
        <source>Connect to your Salesforce org</source>
        <translation>Connettiti alla tua organizzazione Salesforce</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Prova l’organizzazione demo</translation>
    </message>
    <message>
        <source>Sync with a local demo org</source>
        <translation>Sincronizza con un’organizzazione demo locale</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Cambia profilo…</translation>
    </message>
    <message>
        <source>Sync with another saved sign-in, or sign in with a new account</source>
        <translation>Sincronizza con un altro accesso salvato o accedi con un nuovo account</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Esci dall’account…</translation>
    </message>
    <message>
        <source>Remove this sign-in and its secrets from this computer</source>
        <translation>Rimuovi questo accesso e i suoi segreti da questo computer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>Person panel</source>
        <translation>Pannello persona</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti principale</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <comment>menu</comment>
        <translation>&amp;Sincronizzazione</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <comment>menu</comment>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu</comment>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Starting {source}…</source>
        <translation>Avvio di {source}…</translation>
    </message>
    <message>
        <source>the demo org</source>
        <translation>l’organizzazione demo</translation>
    </message>
    <message>
        <source>sfsync — {where}</source>
        <translation>sfsync — {where}</translation>
    </message>
    <message>
        <source>Sync failures</source>
        <translation>Errori di sincronizzazione</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) could not be pushed to Salesforce; see Sync errors.</source>
        <translation>
            <numerusform>{count} modifica non è stata inviata a Salesforce; vedi Errori di sincronizzazione.</numerusform>
            <numerusform>{count} modifiche non sono state inviate a Salesforce; vedi Errori di sincronizzazione.</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”: the sync waits until you sign in again.</source>
        <translation>Salesforce non accetta più l’accesso del profilo «{0}»: la sincronizzazione attende che tu acceda di nuovo.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Accedi di nuovo…</translation>
    </message>
    <message>
        <source>{record}: pulled: {pulled}; pushed {pushed}</source>
        <translation>{record}: ricevuto: {pulled}; inviati {pushed}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} non riuscito</numerusform>
            <numerusform>, {count} non riusciti</numerusform>
        </translation>
    </message>
    <message>
        <source>; now {state}</source>
        <translation>; ora {state}</translation>
    </message>
    <message>
        <source>Force sync done — {results}</source>
        <translation>Sincronizzazione forzata completata — {results}</translation>
    </message>
    <message>
        <source>Force sync of {record} failed: {error}</source>
        <translation>La sincronizzazione forzata di {record} non è riuscita: {error}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>Impossibile avviare: {error}</translation>
    </message>
    <message>
        <source>The sync stopped: {error}</source>
        <translation>La sincronizzazione si è interrotta: {error}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Sync asked for</source>
        <translation>Sincronizzazione richiesta</translation>
    </message>
    <message>
        <source>Pick a person in the Records view first, then force sync.</source>
        <translation>Scegli prima una persona nella vista Record, poi forza la sincronizzazione.</translation>
    </message>
    <message>
        <source>Force sync of {record} asked for…</source>
        <translation>Sincronizzazione forzata di {record} richiesta…</translation>
    </message>
    <message>
        <source>The sync is not running: the change was not saved.</source>
        <translation>La sincronizzazione non è attiva: la modifica non è stata salvata.</translation>
    </message>
    <message>
        <source>There is no {record} any more.</source>
        <translation>{record} non esiste più.</translation>
    </message>
    <message>
        <source>signed in again</source>
        <translation>accesso eseguito di nuovo</translation>
    </message>
    <message>
        <source>Sign out — sfsync</source>
        <translation>Esci dall’account — sfsync</translation>
    </message>
    <message>
        <source>Sign out of “{0}”? The sync stops, and the sign-in and its secrets are removed from this computer. The local database stays.</source>
        <translation>Uscire da «{0}»? La sincronizzazione si interrompe e l’accesso e i suoi segreti vengono rimossi da questo computer. Il database locale resta.</translation>
    </message>
    <message>
        <source>Signing out of {0}…</source>
        <translation>Uscita da {0}…</translation>
    </message>
    <message>
        <source>Signed out of {0}.</source>
        <translation>Uscito da {0}.</translation>
    </message>
    <message>
        <source>Could not sign out of {0}: {1}</source>
        <translation>Impossibile uscire da {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Chiudi il messaggio</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person — sfsync</source>
        <translation>Nuova persona — sfsync</translation>
    </message>
    <message>
        <source>Create as</source>
        <translation>Crea come</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
    <message>
        <source>The person exists here until the next sync creates it in Salesforce (or links it to the Lead or Contact with the same email).</source>
        <translation>La persona esiste qui finché la prossima sincronizzazione non la crea in Salesforce (o non la collega al lead o al contatto con lo stesso indirizzo e-mail).</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field} è obbligatorio</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show sfsync</source>
        <translation>Mostra sfsync</translation>
    </message>
</context>
<context>
    <name>PersonFieldsModel</name>
    <message>
        <source>Waiting to be pushed</source>
        <translation>In attesa di invio</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Invio non riuscito</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Non sincronizzato</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Pick a record in the Records view to see it here.</source>
        <translation>Scegli un record nella vista Record per vederlo qui.</translation>
    </message>
    <message>
        <source>Records of this person</source>
        <translation>Record di questa persona</translation>
    </message>
    <message>
        <source>A converted Lead and its Contact are one person</source>
        <translation>Un lead convertito e il suo contatto sono la stessa persona</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forza sincronizzazione</translation>
    </message>
    <message>
        <source>Force sync this person</source>
        <translation>Forza la sincronizzazione di questa persona</translation>
    </message>
    <message>
        <source>Sync this person both ways now (Ctrl+Shift+F)</source>
        <translation>Sincronizza ora questa persona in entrambe le direzioni (Ctrl+Maiusc+F)</translation>
    </message>
    <message>
        <source>Sync to Salesforce</source>
        <translation>Sincronizza con Salesforce</translation>
    </message>
    <message>
        <source>Create this person in Salesforce now</source>
        <translation>Crea ora questa persona in Salesforce</translation>
    </message>
    <message>
        <source>This person exists only here: create it in Salesforce now</source>
        <translation>Questa persona esiste solo qui: creala ora in Salesforce</translation>
    </message>
    <message>
        <source>Fields: local value, Salesforce value, pending change</source>
        <translation>Campi: valore locale, valore in Salesforce, modifica in sospeso</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro attività</translation>
    </message>
    <message>
        <source>Show activity of kind</source>
        <translation>Mostra attività del tipo</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tutto</translation>
    </message>
    <message>
        <source>Filter the activity</source>
        <translation>Filtra l’attività</translation>
    </message>
    <message>
        <source>Filter the activity by text</source>
        <translation>Filtra l’attività per testo</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>non ancora in Salesforce</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Ultimo errore: {error}</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Pick a saved sign-in to sync with, or sign in with a new account.</source>
        <translation>Scegli un accesso salvato con cui sincronizzare, oppure accedi con un nuovo account.</translation>
    </message>
    <message>
        <source>Saved sign-ins</source>
        <translation>Accessi salvati</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Istanza</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connetti</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>Connettiti con il profilo selezionato</translation>
    </message>
    <message>
        <source>Sign in with a new account…</source>
        <translation>Accedi con un nuovo account…</translation>
    </message>
    <message>
        <source>Sign in with a new account</source>
        <translation>Accedi con un nuovo account</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Prova l’organizzazione demo</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Accesso richiesto</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>Accesso non ancora eseguito</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Accesso eseguito</translation>
    </message>
    <message>
        <source>{0} (now)</source>
        <translation>{0} (attuale)</translation>
    </message>
</context>
<context>
    <name>ProfilePickerDialog</name>
    <message>
        <source>Switch profile — sfsync</source>
        <translation>Cambia profilo — sfsync</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Could not read the {object} records: {error}</source>
        <translation>Impossibile leggere i record di {object}: {error}</translation>
    </message>
    <message>
        <source>Not in Salesforce yet</source>
        <translation>Non ancora in Salesforce</translation>
    </message>
    <message>
        <source>sync state {state}</source>
        <translation>stato di sincronizzazione {state}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search name, email, company or Salesforce Id</source>
        <translation>Cerca nome, e-mail, azienda o ID Salesforce</translation>
    </message>
    <message>
        <source>Finds records whose name, email, company or Salesforce Id starts with the text; @domain finds an email domain</source>
        <translation>Trova i record il cui nome, e-mail, azienda o ID Salesforce inizia con il testo; @dominio trova un dominio e-mail</translation>
    </message>
    <message>
        <source>Search {object} records</source>
        <translation>Cerca record di {object}</translation>
    </message>
    <message>
        <source>Filter {object} records by sync state</source>
        <translation>Filtra i record di {object} per stato di sincronizzazione</translation>
    </message>
    <message>
        <source>{object} record count</source>
        <translation>Numero di record di {object}</translation>
    </message>
    <message>
        <source>{object} records</source>
        <translation>Record di {object}</translation>
    </message>
    <message numerus="yes">
        <source>{count} found</source>
        <comment>records matching the search</comment>
        <translation>
            <numerusform>{count} trovato</numerusform>
            <numerusform>{count} trovati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s)</source>
        <translation>
            <numerusform>{count} record</numerusform>
            <numerusform>{count} record</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Synced objects</source>
        <translation>Oggetti sincronizzati</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Local wins</source>
        <translation>Prevale il valore locale</translation>
    </message>
    <message>
        <source>Salesforce wins</source>
        <translation>Prevale Salesforce</translation>
    </message>
    <message>
        <source>Salesforce wins unless blank</source>
        <translation>Prevale Salesforce se non è vuoto</translation>
    </message>
    <message>
        <source>Don&apos;t sync</source>
        <translation>Non sincronizzare</translation>
    </message>
    <message>
        <source>Default (local wins)</source>
        <translation>Predefinito (prevale il valore locale)</translation>
    </message>
    <message>
        <source>Settings — sfsync</source>
        <translation>Impostazioni — sfsync</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between sync cycles</source>
        <translation>Secondi tra un ciclo di sincronizzazione e l’altro</translation>
    </message>
    <message>
        <source> %</source>
        <comment>percent</comment>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the daily API allowance for background sync</source>
        <translation>Quota del limite giornaliero di API per la sincronizzazione in background</translation>
    </message>
    <message>
        <source>Background sync pauses when the org has used this share of its daily API calls; force sync still works up to 95 %.</source>
        <translation>La sincronizzazione in background si sospende quando l’organizzazione ha usato questa quota delle sue chiamate API giornaliere; la sincronizzazione forzata funziona ancora fino al 95 %.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Lingua della finestra</translation>
    </message>
    <message>
        <source>Automatic follows the language of your computer. A new choice applies the next time sfsync starts.</source>
        <translation>Automatica segue la lingua del computer. Una nuova scelta si applica al prossimo avvio di sfsync.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatica</translation>
    </message>
    <message>
        <source>The new language applies the next time sfsync starts.</source>
        <translation>La nuova lingua si applicherà al prossimo avvio di sfsync.</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Sincronizza ogni</translation>
    </message>
    <message>
        <source>API budget for background sync</source>
        <translation>Budget API per la sincronizzazione in background</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>Objects: synced or not, direction, conflict policy</source>
        <translation>Oggetti: sincronizzati o no, direzione, criterio per i conflitti</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direzione</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>Criterio per i conflitti</translation>
    </message>
    <message>
        <source>Conflict policy of {object}</source>
        <translation>Criterio per i conflitti di {object}</translation>
    </message>
    <message>
        <source>Objects (untick to stop syncing one)</source>
        <translation>Oggetti (deseleziona un oggetto per non sincronizzarlo più)</translation>
    </message>
    <message>
        <source>Conflict policies of single fields</source>
        <translation>Criteri per i conflitti dei singoli campi</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>Object of a new field policy</source>
        <translation>Oggetto di un nuovo criterio di campo</translation>
    </message>
    <message>
        <source>Field of a new field policy</source>
        <translation>Campo di un nuovo criterio di campo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>Add a field policy</source>
        <translation>Aggiungi un criterio di campo</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Remove the selected field policy</source>
        <translation>Rimuovi il criterio di campo selezionato</translation>
    </message>
    <message>
        <source>Field policies (override the object&apos;s)</source>
        <translation>Criteri di campo (sostituiscono quello dell’oggetto)</translation>
    </message>
    <message>
        <source>Sync changes apply from the next sync cycle.</source>
        <translation>Le modifiche alla sincronizzazione valgono dal prossimo ciclo.</translation>
    </message>
    <message>
        <source>Conflict policy of {object}.{field}</source>
        <translation>Criterio per i conflitti di {object}.{field}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in again — sfsync</source>
        <translation>Accedi di nuovo — sfsync</translation>
    </message>
    <message>
        <source>Sign in to Salesforce — sfsync</source>
        <translation>Accedi a Salesforce — sfsync</translation>
    </message>
    <message>
        <source>Sign in to profile “{0}” to sync with it; its settings stay as saved.</source>
        <translation>Accedi al profilo «{0}» per sincronizzare con esso; le sue impostazioni restano come sono state salvate.</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”{1}. Sign in again to resume the sync; nothing synced so far is lost.</source>
        <translation>Salesforce non accetta più l’accesso del profilo «{0}»{1}. Accedi di nuovo per riprendere la sincronizzazione; nulla di quanto sincronizzato finora va perso.</translation>
    </message>
    <message>
        <source>Sign in once; the window then syncs with this org. Secrets are kept in the system keyring, never in a file.</source>
        <translation>Accedi una volta; poi la finestra si sincronizza con questa organizzazione. I segreti sono conservati nel portachiavi di sistema, mai in un file.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Metodo di accesso</translation>
    </message>
    <message>
        <source>Browser sign-in (recommended)</source>
        <translation>Accesso dal browser (consigliato)</translation>
    </message>
    <message>
        <source>JWT bearer (private key, unattended)</source>
        <translation>JWT bearer (chiave privata, non presidiato)</translation>
    </message>
    <message>
        <source>Client credentials (unattended)</source>
        <translation>Credenziali client (non presidiato)</translation>
    </message>
    <message>
        <source>Username and password (legacy)</source>
        <translation>Nome utente e password (legacy)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nome del profilo</translation>
    </message>
    <message>
        <source>How this sign-in is called (sfsync --profile NAME)</source>
        <translation>Come si chiama questo accesso (sfsync --profile NAME)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Produzione (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>Custom domain (My Domain or another URL)</source>
        <translation>Dominio personalizzato (Dominio personale o un altro URL)</translation>
    </message>
    <message>
        <source>Login URL</source>
        <translation>URL di accesso</translation>
    </message>
    <message>
        <source>https://yourcompany.my.salesforce.com</source>
        <translation>https://tuaazienda.my.salesforce.com</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer key</source>
        <translation>la chiave consumer dell’app connessa</translation>
    </message>
    <message>
        <source>The consumer key of the connected app your Salesforce admin set up for sfsync</source>
        <translation>La chiave consumer dell’app connessa che l’amministratore Salesforce ha configurato per sfsync</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>utente@example.com</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>File della chiave privata</translation>
    </message>
    <message>
        <source>PEM file that signs the JWT assertions</source>
        <translation>File PEM che firma le asserzioni JWT</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Scegli il file della chiave privata</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase della chiave</translation>
    </message>
    <message>
        <source>only if the key file is encrypted</source>
        <translation>solo se il file della chiave è cifrato</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Segreto client</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer secret</source>
        <translation>il segreto consumer dell’app connessa</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>Token di sicurezza</translation>
    </message>
    <message>
        <source>empty if your IP address is trusted</source>
        <translation>vuoto se il tuo indirizzo IP è attendibile</translation>
    </message>
    <message>
        <source>The username-password flow is legacy: Salesforce blocks it by default in orgs created since Summer &apos;23 and retires SOAP login() in Summer &apos;27. Prefer Browser sign-in or, unattended, JWT bearer or Client credentials.</source>
        <translation>Il flusso nome utente-password è legacy: Salesforce lo blocca per impostazione predefinita nelle organizzazioni create da Summer &apos;23 e ritira SOAP login() in Summer &apos;27. Preferisci l’accesso dal browser o, senza presidio, JWT bearer o le credenziali client.</translation>
    </message>
    <message>
        <source>Legacy sign-in warning</source>
        <translation>Avviso sull’accesso legacy</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Accedi con</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzate</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Impostazioni avanzate</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>File della CA</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>i certificati di sistema</translation>
    </message>
    <message>
        <source>A CA bundle (PEM) to trust instead of the system&apos;s, for a private org such as the local one</source>
        <translation>Un bundle di CA (PEM) da considerare attendibile al posto di quello di sistema, per un’organizzazione privata come quella locale</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Scegli il file della CA</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Porta di callback</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>qualsiasi porta libera</translation>
    </message>
    <message>
        <source>Browser sign-in: the loopback port. Give one when the connected app&apos;s callback URL names it: http://127.0.0.1:PORT/callback</source>
        <translation>Accesso dal browser: la porta locale. Indicala quando l’URL di callback dell’app connessa la specifica: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Errore di accesso</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Avanzamento dell’accesso</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Riapri la pagina di accesso</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copia il link</translation>
    </message>
    <message>
        <source>Paste it into the browser you sign in with</source>
        <translation>Incollalo nel browser con cui accedi</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Accedi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>a profile name</source>
        <translation>un nome di profilo</translation>
    </message>
    <message>
        <source>another profile name (“{0}” exists: pick it in the profile list to sign in again)</source>
        <translation>un altro nome di profilo («{0}» esiste già: sceglilo nell’elenco dei profili per accedere di nuovo)</translation>
    </message>
    <message>
        <source>a profile name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>un nome di profilo fatto di lettere, cifre, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;</translation>
    </message>
    <message>
        <source>the login URL</source>
        <translation>l’URL di accesso</translation>
    </message>
    <message>
        <source>your org&apos;s My Domain URL (client credentials do not work with login.salesforce.com or test.salesforce.com)</source>
        <translation>l’URL del Dominio personale della tua organizzazione (le credenziali client non funzionano con login.salesforce.com o test.salesforce.com)</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>l’ID client</translation>
    </message>
    <message>
        <source>the username</source>
        <translation>il nome utente</translation>
    </message>
    <message>
        <source>the private key file</source>
        <translation>il file della chiave privata</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>la password</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>il segreto client</translation>
    </message>
    <message>
        <source>Still needed: {0}.</source>
        <translation>Manca ancora: {0}.</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Chiavi PEM (*.pem *.key);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificati (*.pem *.crt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Verifica di {0}…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened ({0} left). If none opened, open the sign-in page from here.</source>
        <translation>Completa l’accesso nella finestra del browser che si è aperta (restano {0}). Se non se n’è aperta nessuna, apri la pagina di accesso da qui.</translation>
    </message>
    <message>
        <source>No browser could be opened: copy the link into your browser and sign in there ({0} left).</source>
        <translation>Non è stato possibile aprire un browser: copia il link nel tuo browser e accedi da lì (restano {0}).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled; nothing was saved.</source>
        <translation>L’accesso è stato annullato; non è stato salvato nulla.</translation>
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
        <translation>l’organizzazione demo</translation>
    </message>
    <message>
        <source>the local org</source>
        <translation>l’organizzazione locale</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>running {done} / {total}</source>
        <translation>in corso {done} / {total}</translation>
    </message>
    <message>
        <source>Not syncing yet.</source>
        <translation>Sincronizzazione non ancora avviata.</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Fase attuale</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>Avanzamento della prima sincronizzazione</translation>
    </message>
    <message>
        <source>%v / %m records (%p %)</source>
        <translation>%v / %m record (%p%)</translation>
    </message>
    <message>
        <source>Synced objects and their record counts</source>
        <translation>Oggetti sincronizzati e numero dei loro record</translation>
    </message>
    <message>
        <source>Sync cycles</source>
        <translation>Cicli di sincronizzazione</translation>
    </message>
    <message>
        <source>Per object figures of the selected cycle</source>
        <translation>Dati per oggetto del ciclo selezionato</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Adesso</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Oggetti</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cicli</translation>
    </message>
    <message>
        <source>Selected cycle, per object</source>
        <translation>Ciclo selezionato, per oggetto</translation>
    </message>
    <message>
        <source>{object}: %v / %m records (%p %)</source>
        <translation>{object}: %v / %m record (%p%)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>All states</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizzato</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>In sospeso</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflitto</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Solo locale</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminato</translation>
    </message>
</context>
<context>
    <name>SyncStateInSentence</name>
    <message>
        <source>synced</source>
        <translation>sincronizzato</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in sospeso</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>non riuscito</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>in conflitto</translation>
    </message>
    <message>
        <source>local only</source>
        <translation>solo locale</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminato</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Non connesso</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizzazione in corso</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>In pausa</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Accesso richiesto</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>Budget API esaurito</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>Limite API raggiunto</translation>
    </message>
    <message>
        <source>Last cycle failed</source>
        <translation>Ultimo ciclo non riuscito</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Interrotta</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Stato della sincronizzazione</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Accedi di nuovo…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Accedi di nuovo</translation>
    </message>
    <message>
        <source>Salesforce refused the saved sign-in: sign in again to resume the sync</source>
        <translation>Salesforce ha rifiutato l’accesso salvato: accedi di nuovo per riprendere la sincronizzazione</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Ultimo ciclo</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Prossimo ciclo</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>Utilizzo API</translation>
    </message>
    <message numerus="yes">
        <source>{count} API call(s)</source>
        <translation>
            <numerusform>{count} chiamata API</numerusform>
            <numerusform>{count} chiamate API</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync {time}: {status}, {calls}</source>
        <translation>Ultimo ciclo {time}: {status}, {calls}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} non riuscito</numerusform>
            <numerusform>, {count} non riusciti</numerusform>
        </translation>
    </message>
    <message>
        <source>API {used} / {limit} today ({share})</source>
        <translation>API {used} / {limit} oggi ({share})</translation>
    </message>
    <message>
        <source>Next sync in {time}</source>
        <translation>Prossimo ciclo tra {time}</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} su {fields}: {message}</translation>
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
        <translation>Ti diamo il benvenuto in sfsync</translation>
    </message>
    <message>
        <source>sfsync keeps a local database in two-way sync with a Salesforce org and shows you that sync: which records are in sync, which failed and why, what happened to a person, which fields the sync user can reach.</source>
        <translation>sfsync mantiene un database locale sincronizzato in entrambe le direzioni con un’organizzazione Salesforce e ti mostra questa sincronizzazione: quali record sono sincronizzati, quali non sono riusciti e perché, cosa è successo a una persona, a quali campi arriva l’utente di sincronizzazione.</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Prova l’organizzazione demo</translation>
    </message>
    <message>
        <source>A local Salesforce org with sample data, started inside the app: nothing leaves this computer</source>
        <translation>Un’organizzazione Salesforce locale con dati di esempio, avviata all’interno dell’app: nulla lascia questo computer</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Accedi a Salesforce…</translation>
    </message>
    <message>
        <source>Sign in to Salesforce</source>
        <translation>Accedi a Salesforce</translation>
    </message>
</context>
</TS>
