<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Activity</name>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Échec de l’envoi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Linked by email</source>
        <translation>Lié par e-mail</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Converti</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Undeleted</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>Force-synced</source>
        <translation>Synchronisation forcée</translation>
    </message>
    <message>
        <source>Skipped (no access)</source>
        <translation>Ignoré (pas d’accès)</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Réessayé</translation>
    </message>
    <message>
        <source>Backfilled</source>
        <translation>Complété</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>{field}: local {local} vs Salesforce {salesforce}; {winner} wins ({policy})</source>
        <translation>{field}&#xa0;: local {local} contre Salesforce {salesforce}&#xa0;; {winner} l’emporte ({policy})</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} sur {fields}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>created in Salesforce {id}: {fields}</source>
        <translation>créé dans Salesforce {id}&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>pushed {id}: {fields}</source>
        <translation>envoyé {id}&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>pulled: {pulled}; pushed {pushed}, failed {failed}; now {state}</source>
        <translation>récupéré&#xa0;: {pulled}&#xa0;; envoyés {pushed}, en échec {failed}&#xa0;; maintenant {state}</translation>
    </message>
    <message>
        <source>linked by email {email} to {record}</source>
        <translation>lié par l’e-mail {email} à {record}</translation>
    </message>
    <message>
        <source>converted: Contact {contact}, Account {account}</source>
        <translation>converti&#xa0;: contact {contact}, compte {account}</translation>
    </message>
    <message>
        <source>merged into {record}</source>
        <translation>fusionné dans {record}</translation>
    </message>
    <message>
        <source>absorbed {record}</source>
        <translation>a absorbé {record}</translation>
    </message>
    <message numerus="yes">
        <source>backfilled {fields} for {count} {object} record(s)</source>
        <translation>
            <numerusform>{fields} complété pour {count} enregistrement {object}</numerusform>
            <numerusform>{fields} complété pour {count} enregistrements {object}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; {count} local edit(s) kept</source>
        <translation>
            <numerusform>&#xa0;; {count} modification locale conservée</numerusform>
            <numerusform>&#xa0;; {count} modifications locales conservées</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer could not be read: {message}</source>
        <translation>La réponse de Salesforce n&apos;a pas pu être lue : {message}</translation>
    </message>
    <message>
        <source>queued again: {fields}</source>
        <translation>remis en file d’attente&#xa0;: {fields}</translation>
    </message>
    <message>
        <source> (from local)</source>
        <translation> (depuis le local)</translation>
    </message>
    <message>
        <source> (from Salesforce)</source>
        <translation> (depuis Salesforce)</translation>
    </message>
    <message>
        <source>local</source>
        <comment>the winner of a conflict</comment>
        <translation>la valeur locale</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>Nom d’API</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Local value</source>
        <translation>Valeur locale</translation>
    </message>
    <message>
        <source>Salesforce value</source>
        <translation>Valeur dans Salesforce</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Modification en attente</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Déclencheur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>Appels d’API</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Première synchronisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Locaux uniquement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
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
        <translation>sfsync a rencontré un bogue</translation>
    </message>
    <message>
        <source>Something went wrong inside sfsync — this is a bug, not something you did. Your data is safe: every change is written together with its queue entry, so nothing half-done is kept.

Please send the report below (secrets are already removed) to whoever looks after sfsync. You can go on working, or quit.</source>
        <translation>Une erreur s’est produite dans sfsync&#xa0;: c’est un bogue du programme, pas une erreur de votre part. Vos données sont en sécurité&#xa0;: chaque modification est enregistrée avec son entrée dans la file d’attente, rien n’est donc laissé à moitié fait.

Envoyez le rapport ci-dessous (les secrets en sont déjà retirés) à la personne qui s’occupe de sfsync. Vous pouvez continuer à travailler ou quitter.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Rapport de plantage</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copier le rapport</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>C&amp;ontinuer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>ok</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>budget d’API atteint</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>limite d’API atteinte</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>connexion requise</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>intervalle</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <source>force sync</source>
        <translation>synchronisation forcée</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>two-way</source>
        <translation>bidirectionnelle</translation>
    </message>
    <message>
        <source>from Salesforce</source>
        <translation>depuis Salesforce</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencée</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>Checking for changes</source>
        <translation>Recherche des modifications</translation>
    </message>
    <message>
        <source>Waiting for the next cycle</source>
        <translation>En attente du prochain cycle</translation>
    </message>
    <message>
        <source>First sync of {object}</source>
        <translation>Première synchronisation de {object}</translation>
    </message>
    <message>
        <source>Pulling {object}</source>
        <translation>Récupération de {object}</translation>
    </message>
    <message>
        <source>Pushing {object}</source>
        <translation>Envoi de {object}</translation>
    </message>
    <message>
        <source>Reconciling {object}</source>
        <translation>Rapprochement de {object}</translation>
    </message>
    <message>
        <source>Fetching newly synced fields of {object}</source>
        <translation>Récupération des champs nouvellement synchronisés de {object}</translation>
    </message>
    <message>
        <source>included by you</source>
        <translation>inclus par vous</translation>
    </message>
    <message>
        <source>excluded by you</source>
        <translation>exclu par vous</translation>
    </message>
    <message>
        <source>included by you (from the next sync)</source>
        <translation>inclus par vous (à partir de la prochaine synchronisation)</translation>
    </message>
    <message>
        <source>conflict policy: don&apos;t sync</source>
        <translation>règle de conflit&#xa0;: ne pas synchroniser</translation>
    </message>
    <message>
        <source>not useful to sync (excluded by default)</source>
        <translation>inutile à synchroniser (exclu par défaut)</translation>
    </message>
    <message>
        <source>read-only for the sync user: synced from Salesforce only</source>
        <translation>en lecture seule pour l’utilisateur de synchronisation&#xa0;: synchronisé depuis Salesforce uniquement</translation>
    </message>
    <message>
        <source>the sync user cannot read this field</source>
        <translation>l’utilisateur de synchronisation ne peut pas lire ce champ</translation>
    </message>
    <message>
        <source>{type} fields are synced through their component fields</source>
        <translation>les champs de type {type} sont synchronisés via leurs champs composants</translation>
    </message>
    <message>
        <source>the sync user lost read access ({date}); values kept</source>
        <translation>l’utilisateur de synchronisation a perdu l’accès en lecture ({date})&#xa0;; valeurs conservées</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>pas encore dans Salesforce</translation>
    </message>
    <message>
        <source>not found in Salesforce</source>
        <translation>introuvable dans Salesforce</translation>
    </message>
</context>
<context>
    <name>ErrorsView</name>
    <message>
        <source>No failed pushes.</source>
        <translation>Aucun envoi en échec.</translation>
    </message>
    <message>
        <source>Failed pushes grouped by error and field</source>
        <translation>Envois en échec regroupés par erreur et par champ</translation>
    </message>
    <message>
        <source>Records of the selected error groups</source>
        <translation>Enregistrements des groupes d’erreurs sélectionnés</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Réessayer la sélection</translation>
    </message>
    <message>
        <source>Retry the selected failed pushes</source>
        <translation>Réessayer les envois en échec sélectionnés</translation>
    </message>
    <message>
        <source>Queue the selected records&apos; failed changes again and sync now</source>
        <translation>Remettre en file d’attente les modifications en échec des enregistrements sélectionnés et synchroniser maintenant</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Tout réessayer</translation>
    </message>
    <message>
        <source>Retry every failed push</source>
        <translation>Réessayer tous les envois en échec</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Ouvrir la personne</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Ouvrir l’enregistrement sélectionné</translation>
    </message>
    <message>
        <source>Fix the value in the person&apos;s fields (or the rule in Salesforce), then retry.</source>
        <translation>Corrigez la valeur dans les champs de la personne (ou la règle dans Salesforce), puis réessayez.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message numerus="yes">
        <source>in {count} group(s)</source>
        <translation>
            <numerusform>{count} groupe</numerusform>
            <numerusform>{count} groupes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) failed to push, {groups}.</source>
        <translation>
            <numerusform>{count} enregistrement n’a pas pu être envoyé ({groups}).</numerusform>
            <numerusform>{count} enregistrements n’ont pas pu être envoyés ({groups}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>{column}: yes</source>
        <translation>{column}&#xa0;: oui</translation>
    </message>
    <message>
        <source>{column}: no</source>
        <translation>{column}&#xa0;: non</translation>
    </message>
</context>
<context>
    <name>FieldsView</name>
    <message>
        <source>Object whose fields are shown</source>
        <translation>Objet dont les champs sont affichés</translation>
    </message>
    <message>
        <source>Filter by label, API name or reason</source>
        <translation>Filtrer par libellé, nom d’API ou raison</translation>
    </message>
    <message>
        <source>Filter the fields</source>
        <translation>Filtrer les champs</translation>
    </message>
    <message>
        <source>Fields, access of the sync user, and whether synced</source>
        <translation>Champs, accès de l’utilisateur de synchronisation et synchronisation ou non</translation>
    </message>
    <message>
        <source>Tick Synced to include a field, untick it to exclude it. Fields the sync user cannot read are listed greyed out.</source>
        <translation>Cochez Synchronisé pour inclure un champ, décochez-le pour l’exclure. Les champs que l’utilisateur de synchronisation ne peut pas lire apparaissent en grisé.</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>{count} field(s), {synced} synced</source>
        <translation>
            <numerusform>{count} champ&#xa0;; synchronisés&#xa0;: {synced}</numerusform>
            <numerusform>{count} champs&#xa0;; synchronisés&#xa0;: {synced}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>{value} %</source>
        <translation>{value}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message numerus="yes">
        <source>of {count} record(s)</source>
        <translation>
            <numerusform>de {count} enregistrement</numerusform>
            <numerusform>de {count} enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} failed change(s) {of_records} queued again</source>
        <translation>
            <numerusform>{count} modification en échec {of_records} remise en file d’attente</numerusform>
            <numerusform>{count} modifications en échec {of_records} remises en file d’attente</numerusform>
        </translation>
    </message>
    <message>
        <source>{record}: {fields} changed; pushed by the next sync</source>
        <translation>{record}&#xa0;: {fields} modifié&#xa0;; envoi au prochain cycle</translation>
    </message>
    <message>
        <source>{record}: nothing changed</source>
        <translation>{record}&#xa0;: aucune modification</translation>
    </message>
    <message>
        <source>{record} created locally; the next sync creates it in Salesforce</source>
        <translation>{record} créé en local&#xa0;; la prochaine synchronisation le créera dans Salesforce</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>Rien à réessayer</translation>
    </message>
    <message>
        <source>{field} back to the default; applied by the next sync</source>
        <translation>{field} revient au réglage par défaut&#xa0;; appliqué à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>{field} included; applied by the next sync</source>
        <translation>{field} inclus&#xa0;; appliqué à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>{field} excluded; applied by the next sync</source>
        <translation>{field} exclu&#xa0;; appliqué à la prochaine synchronisation</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>Erreurs de synchronisation</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Statut de la synchronisation</translation>
    </message>
    <message>
        <source>Field access</source>
        <translation>Accès aux champs</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Run a sync cycle now</source>
        <translation>Lancer maintenant un cycle de synchronisation</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Pause or resume background sync</source>
        <translation>Suspendre ou reprendre la synchronisation en arrière-plan</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forcer la synchronisation</translation>
    </message>
    <message>
        <source>Sync the selected person both ways now</source>
        <translation>Synchroniser maintenant la personne sélectionnée dans les deux sens</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nouvelle personne…</translation>
    </message>
    <message>
        <source>Create a Lead or Contact (sent by the next sync)</source>
        <translation>Créer un prospect ou un contact (envoyé à la prochaine synchronisation)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>Rechercher dans les enregistrements</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Interval, objects, conflict policies, API budget, language</source>
        <translation>Intervalle, objets, règles de conflit, budget d’API, langue</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Se connecter à Salesforce…</translation>
    </message>
    <message>
        <source>Connect to your Salesforce org</source>
        <translation>Se connecter à votre organisation Salesforce</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Essayer l’organisation de démonstration</translation>
    </message>
    <message>
        <source>Sync with a local demo org</source>
        <translation>Synchroniser avec une organisation de démonstration locale</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Changer de profil…</translation>
    </message>
    <message>
        <source>Sync with another saved sign-in, or sign in with a new account</source>
        <translation>Synchroniser avec une autre connexion enregistrée, ou se connecter avec un nouveau compte</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Se déconnecter…</translation>
    </message>
    <message>
        <source>Remove this sign-in and its secrets from this computer</source>
        <translation>Supprimer cette connexion et ses secrets de cet ordinateur</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Person panel</source>
        <translation>Panneau de la personne</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <comment>menu</comment>
        <translation>&amp;Synchronisation</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <comment>menu</comment>
        <translation>&amp;Enregistrements</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu</comment>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Starting {source}…</source>
        <translation>Démarrage de {source}…</translation>
    </message>
    <message>
        <source>the demo org</source>
        <translation>l’organisation de démonstration</translation>
    </message>
    <message>
        <source>sfsync — {where}</source>
        <translation>sfsync — {where}</translation>
    </message>
    <message>
        <source>Sync failures</source>
        <translation>Échecs de synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) could not be pushed to Salesforce; see Sync errors.</source>
        <translation>
            <numerusform>{count} modification n’a pas pu être envoyée à Salesforce&#xa0;; voir Erreurs de synchronisation.</numerusform>
            <numerusform>{count} modifications n’ont pas pu être envoyées à Salesforce&#xa0;; voir Erreurs de synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”: the sync waits until you sign in again.</source>
        <translation>Salesforce n’accepte plus la connexion du profil «&#xa0;{0}&#xa0;»&#xa0;: la synchronisation attend que vous vous reconnectiez.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>{record}: pulled: {pulled}; pushed {pushed}</source>
        <translation>{record}&#xa0;: récupéré&#xa0;: {pulled}&#xa0;; envoyés {pushed}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} en échec</numerusform>
            <numerusform>, {count} en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>; now {state}</source>
        <translation>&#xa0;; maintenant {state}</translation>
    </message>
    <message>
        <source>Force sync done — {results}</source>
        <translation>Synchronisation forcée terminée — {results}</translation>
    </message>
    <message>
        <source>Force sync of {record} failed: {error}</source>
        <translation>La synchronisation forcée de {record} a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>Démarrage impossible&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The sync stopped: {error}</source>
        <translation>La synchronisation s’est arrêtée&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Sync asked for</source>
        <translation>Synchronisation demandée</translation>
    </message>
    <message>
        <source>Pick a person in the Records view first, then force sync.</source>
        <translation>Choisissez d’abord une personne dans la vue Enregistrements, puis forcez la synchronisation.</translation>
    </message>
    <message>
        <source>Force sync of {record} asked for…</source>
        <translation>Synchronisation forcée de {record} demandée…</translation>
    </message>
    <message>
        <source>The sync is not running: the change was not saved.</source>
        <translation>La synchronisation n’est pas en cours&#xa0;: la modification n’a pas été enregistrée.</translation>
    </message>
    <message>
        <source>There is no {record} any more.</source>
        <translation>{record} n’existe plus.</translation>
    </message>
    <message>
        <source>signed in again</source>
        <translation>reconnecté</translation>
    </message>
    <message>
        <source>Sign out — sfsync</source>
        <translation>Déconnexion — sfsync</translation>
    </message>
    <message>
        <source>Sign out of “{0}”? The sync stops, and the sign-in and its secrets are removed from this computer. The local database stays.</source>
        <translation>Se déconnecter de «&#xa0;{0}&#xa0;»&#xa0;? La synchronisation s’arrête, et la connexion et ses secrets sont supprimés de cet ordinateur. La base de données locale est conservée.</translation>
    </message>
    <message>
        <source>Signing out of {0}…</source>
        <translation>Déconnexion de {0}…</translation>
    </message>
    <message>
        <source>Signed out of {0}.</source>
        <translation>Déconnecté de {0}.</translation>
    </message>
    <message>
        <source>Could not sign out of {0}: {1}</source>
        <translation>Impossible de se déconnecter de {0}&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person — sfsync</source>
        <translation>Nouvelle personne — sfsync</translation>
    </message>
    <message>
        <source>Create as</source>
        <translation>Créer en tant que</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>The person exists here until the next sync creates it in Salesforce (or links it to the Lead or Contact with the same email).</source>
        <translation>La personne existe ici jusqu’à ce que la prochaine synchronisation la crée dans Salesforce (ou la relie au prospect ou au contact ayant la même adresse e-mail).</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field} est obligatoire</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show sfsync</source>
        <translation>Afficher sfsync</translation>
    </message>
</context>
<context>
    <name>PersonFieldsModel</name>
    <message>
        <source>Waiting to be pushed</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Échec de l’envoi</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Non synchronisé</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Pick a record in the Records view to see it here.</source>
        <translation>Choisissez un enregistrement dans la vue Enregistrements pour l’afficher ici.</translation>
    </message>
    <message>
        <source>Records of this person</source>
        <translation>Enregistrements de cette personne</translation>
    </message>
    <message>
        <source>A converted Lead and its Contact are one person</source>
        <translation>Un prospect converti et son contact sont une seule et même personne</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forcer la synchronisation</translation>
    </message>
    <message>
        <source>Force sync this person</source>
        <translation>Forcer la synchronisation de cette personne</translation>
    </message>
    <message>
        <source>Sync this person both ways now (Ctrl+Shift+F)</source>
        <translation>Synchroniser maintenant cette personne dans les deux sens (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <source>Sync to Salesforce</source>
        <translation>Synchroniser vers Salesforce</translation>
    </message>
    <message>
        <source>Create this person in Salesforce now</source>
        <translation>Créer maintenant cette personne dans Salesforce</translation>
    </message>
    <message>
        <source>This person exists only here: create it in Salesforce now</source>
        <translation>Cette personne n’existe qu’ici&#xa0;: créez-la maintenant dans Salesforce</translation>
    </message>
    <message>
        <source>Fields: local value, Salesforce value, pending change</source>
        <translation>Champs&#xa0;: valeur locale, valeur dans Salesforce, modification en attente</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal des activités</translation>
    </message>
    <message>
        <source>Show activity of kind</source>
        <translation>Afficher les activités du type</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Filter the activity</source>
        <translation>Filtrer les activités</translation>
    </message>
    <message>
        <source>Filter the activity by text</source>
        <translation>Filtrer les activités par texte</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>pas encore dans Salesforce</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Dernière erreur&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Pick a saved sign-in to sync with, or sign in with a new account.</source>
        <translation>Choisissez une connexion enregistrée avec laquelle synchroniser, ou connectez-vous avec un nouveau compte.</translation>
    </message>
    <message>
        <source>Saved sign-ins</source>
        <translation>Connexions enregistrées</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>Se connecter avec le profil sélectionné</translation>
    </message>
    <message>
        <source>Sign in with a new account…</source>
        <translation>Se connecter avec un nouveau compte…</translation>
    </message>
    <message>
        <source>Sign in with a new account</source>
        <translation>Se connecter avec un nouveau compte</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Essayer l’organisation de démonstration</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>Pas encore connecté</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>{0} (now)</source>
        <translation>{0} (actuel)</translation>
    </message>
</context>
<context>
    <name>ProfilePickerDialog</name>
    <message>
        <source>Switch profile — sfsync</source>
        <translation>Changer de profil — sfsync</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Could not read the {object} records: {error}</source>
        <translation>Impossible de lire les enregistrements {object}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Not in Salesforce yet</source>
        <translation>Pas encore dans Salesforce</translation>
    </message>
    <message>
        <source>sync state {state}</source>
        <translation>état de synchronisation {state}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search name, email, company or Salesforce Id</source>
        <translation>Rechercher nom, e-mail, entreprise ou ID Salesforce</translation>
    </message>
    <message>
        <source>Finds records whose name, email, company or Salesforce Id starts with the text; @domain finds an email domain</source>
        <translation>Trouve les enregistrements dont le nom, l’e-mail, l’entreprise ou l’ID Salesforce commence par le texte&#xa0;; @domaine trouve un domaine e-mail</translation>
    </message>
    <message>
        <source>Search {object} records</source>
        <translation>Rechercher des enregistrements {object}</translation>
    </message>
    <message>
        <source>Filter {object} records by sync state</source>
        <translation>Filtrer les enregistrements {object} par état de synchronisation</translation>
    </message>
    <message>
        <source>{object} record count</source>
        <translation>Nombre d’enregistrements {object}</translation>
    </message>
    <message>
        <source>{object} records</source>
        <translation>Enregistrements {object}</translation>
    </message>
    <message numerus="yes">
        <source>{count} found</source>
        <comment>records matching the search</comment>
        <translation>
            <numerusform>{count} trouvé</numerusform>
            <numerusform>{count} trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s)</source>
        <translation>
            <numerusform>{count} enregistrement</numerusform>
            <numerusform>{count} enregistrements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Synced objects</source>
        <translation>Objets synchronisés</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Local wins</source>
        <translation>La valeur locale l’emporte</translation>
    </message>
    <message>
        <source>Salesforce wins</source>
        <translation>Salesforce l’emporte</translation>
    </message>
    <message>
        <source>Salesforce wins unless blank</source>
        <translation>Salesforce l’emporte sauf si vide</translation>
    </message>
    <message>
        <source>Don&apos;t sync</source>
        <translation>Ne pas synchroniser</translation>
    </message>
    <message>
        <source>Default (local wins)</source>
        <translation>Par défaut (la valeur locale l’emporte)</translation>
    </message>
    <message>
        <source>Settings — sfsync</source>
        <translation>Paramètres — sfsync</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between sync cycles</source>
        <translation>Secondes entre deux cycles de synchronisation</translation>
    </message>
    <message>
        <source> %</source>
        <comment>percent</comment>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <source>Share of the daily API allowance for background sync</source>
        <translation>Part du quota quotidien d’API pour la synchronisation en arrière-plan</translation>
    </message>
    <message>
        <source>Background sync pauses when the org has used this share of its daily API calls; force sync still works up to 95 %.</source>
        <translation>La synchronisation en arrière-plan se suspend quand l’organisation a utilisé cette part de ses appels d’API quotidiens&#xa0;; la synchronisation forcée fonctionne encore jusqu’à 95&#xa0;%.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Langue de la fenêtre</translation>
    </message>
    <message>
        <source>Automatic follows the language of your computer. A new choice applies the next time sfsync starts.</source>
        <translation>Automatique suit la langue de votre ordinateur. Un nouveau choix s’applique au prochain démarrage de sfsync.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>The new language applies the next time sfsync starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de sfsync.</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Synchroniser toutes les</translation>
    </message>
    <message>
        <source>API budget for background sync</source>
        <translation>Budget d’API pour la synchronisation en arrière-plan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Objects: synced or not, direction, conflict policy</source>
        <translation>Objets&#xa0;: synchronisés ou non, direction, règle de conflit</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>Règle de conflit</translation>
    </message>
    <message>
        <source>Conflict policy of {object}</source>
        <translation>Règle de conflit de {object}</translation>
    </message>
    <message>
        <source>Objects (untick to stop syncing one)</source>
        <translation>Objets (décochez-en un pour ne plus le synchroniser)</translation>
    </message>
    <message>
        <source>Conflict policies of single fields</source>
        <translation>Règles de conflit de champs particuliers</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Object of a new field policy</source>
        <translation>Objet d’une nouvelle règle de champ</translation>
    </message>
    <message>
        <source>Field of a new field policy</source>
        <translation>Champ d’une nouvelle règle de champ</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add a field policy</source>
        <translation>Ajouter une règle de champ</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the selected field policy</source>
        <translation>Retirer la règle de champ sélectionnée</translation>
    </message>
    <message>
        <source>Field policies (override the object&apos;s)</source>
        <translation>Règles de champ (remplacent celle de l’objet)</translation>
    </message>
    <message>
        <source>Sync changes apply from the next sync cycle.</source>
        <translation>Les changements de synchronisation s’appliquent dès le prochain cycle.</translation>
    </message>
    <message>
        <source>Conflict policy of {object}.{field}</source>
        <translation>Règle de conflit de {object}.{field}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in again — sfsync</source>
        <translation>Se reconnecter — sfsync</translation>
    </message>
    <message>
        <source>Sign in to Salesforce — sfsync</source>
        <translation>Se connecter à Salesforce — sfsync</translation>
    </message>
    <message>
        <source>Sign in to profile “{0}” to sync with it; its settings stay as saved.</source>
        <translation>Connectez-vous au profil «&#xa0;{0}&#xa0;» pour synchroniser avec lui&#xa0;; ses paramètres restent tels qu’enregistrés.</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”{1}. Sign in again to resume the sync; nothing synced so far is lost.</source>
        <translation>Salesforce n’accepte plus la connexion du profil «&#xa0;{0}&#xa0;»{1}. Reconnectez-vous pour reprendre la synchronisation&#xa0;; rien de ce qui a déjà été synchronisé n’est perdu.</translation>
    </message>
    <message>
        <source>Sign in once; the window then syncs with this org. Secrets are kept in the system keyring, never in a file.</source>
        <translation>Connectez-vous une fois&#xa0;; la fenêtre se synchronise ensuite avec cette organisation. Les secrets sont conservés dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Méthode de connexion</translation>
    </message>
    <message>
        <source>Browser sign-in (recommended)</source>
        <translation>Connexion dans le navigateur (recommandée)</translation>
    </message>
    <message>
        <source>JWT bearer (private key, unattended)</source>
        <translation>JWT bearer (clé privée, sans surveillance)</translation>
    </message>
    <message>
        <source>Client credentials (unattended)</source>
        <translation>Identifiants client (sans surveillance)</translation>
    </message>
    <message>
        <source>Username and password (legacy)</source>
        <translation>Nom d’utilisateur et mot de passe (ancienne méthode)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>How this sign-in is called (sfsync --profile NAME)</source>
        <translation>Nom de cette connexion (sfsync --profile NAME)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Production (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>Custom domain (My Domain or another URL)</source>
        <translation>Domaine personnalisé (Mon domaine ou une autre URL)</translation>
    </message>
    <message>
        <source>Login URL</source>
        <translation>URL de connexion</translation>
    </message>
    <message>
        <source>https://yourcompany.my.salesforce.com</source>
        <translation>https://votreentreprise.my.salesforce.com</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer key</source>
        <translation>la clé client de l’application connectée</translation>
    </message>
    <message>
        <source>The consumer key of the connected app your Salesforce admin set up for sfsync</source>
        <translation>La clé client de l’application connectée que votre administrateur Salesforce a configurée pour sfsync</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>utilisateur@example.com</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Fichier de clé privée</translation>
    </message>
    <message>
        <source>PEM file that signs the JWT assertions</source>
        <translation>Fichier PEM qui signe les assertions JWT</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Choisir le fichier de clé privée</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Phrase secrète de la clé</translation>
    </message>
    <message>
        <source>only if the key file is encrypted</source>
        <translation>seulement si le fichier de clé est chiffré</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer secret</source>
        <translation>le secret client de l’application connectée</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>Jeton de sécurité</translation>
    </message>
    <message>
        <source>empty if your IP address is trusted</source>
        <translation>vide si votre adresse IP est approuvée</translation>
    </message>
    <message>
        <source>The username-password flow is legacy: Salesforce blocks it by default in orgs created since Summer &apos;23 and retires SOAP login() in Summer &apos;27. Prefer Browser sign-in or, unattended, JWT bearer or Client credentials.</source>
        <translation>Le flux nom d’utilisateur-mot de passe est une ancienne méthode&#xa0;: Salesforce le bloque par défaut dans les organisations créées depuis Summer &apos;23 et retire SOAP login() dans Summer &apos;27. Préférez la connexion dans le navigateur ou, sans surveillance, JWT bearer ou les identifiants client.</translation>
    </message>
    <message>
        <source>Legacy sign-in warning</source>
        <translation>Avertissement sur l’ancienne méthode de connexion</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Se connecter avec</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Paramètres avancés</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier d’AC</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>les certificats du système</translation>
    </message>
    <message>
        <source>A CA bundle (PEM) to trust instead of the system&apos;s, for a private org such as the local one</source>
        <translation>Un ensemble d’AC (PEM) à approuver à la place de celui du système, pour une organisation privée comme l’organisation locale</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Choisir le fichier d’AC</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Port de rappel</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>n’importe quel port libre</translation>
    </message>
    <message>
        <source>Browser sign-in: the loopback port. Give one when the connected app&apos;s callback URL names it: http://127.0.0.1:PORT/callback</source>
        <translation>Connexion dans le navigateur&#xa0;: le port local. Indiquez-le quand l’URL de rappel de l’application connectée le précise&#xa0;: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Progression de la connexion</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Rouvrir la page de connexion</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Paste it into the browser you sign in with</source>
        <translation>Collez-le dans le navigateur avec lequel vous vous connectez</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>a profile name</source>
        <translation>un nom de profil</translation>
    </message>
    <message>
        <source>another profile name (“{0}” exists: pick it in the profile list to sign in again)</source>
        <translation>un autre nom de profil («&#xa0;{0}&#xa0;» existe&#xa0;: choisissez-le dans la liste des profils pour vous reconnecter)</translation>
    </message>
    <message>
        <source>a profile name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>un nom de profil fait de lettres, de chiffres, de «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>the login URL</source>
        <translation>l’URL de connexion</translation>
    </message>
    <message>
        <source>your org&apos;s My Domain URL (client credentials do not work with login.salesforce.com or test.salesforce.com)</source>
        <translation>l’URL Mon domaine de votre organisation (les identifiants client ne fonctionnent pas avec login.salesforce.com ni test.salesforce.com)</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>l’ID client</translation>
    </message>
    <message>
        <source>the username</source>
        <translation>le nom d’utilisateur</translation>
    </message>
    <message>
        <source>the private key file</source>
        <translation>le fichier de clé privée</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>le mot de passe</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>le secret client</translation>
    </message>
    <message>
        <source>Still needed: {0}.</source>
        <translation>Encore nécessaire&#xa0;: {0}.</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Vérification de {0}…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened ({0} left). If none opened, open the sign-in page from here.</source>
        <translation>Terminez la connexion dans la fenêtre du navigateur qui s’est ouverte (encore {0}). Si aucune ne s’est ouverte, ouvrez la page de connexion d’ici.</translation>
    </message>
    <message>
        <source>No browser could be opened: copy the link into your browser and sign in there ({0} left).</source>
        <translation>Aucun navigateur n’a pu être ouvert&#xa0;: copiez le lien dans votre navigateur et connectez-vous-y (encore {0}).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled; nothing was saved.</source>
        <translation>La connexion a été annulée&#xa0;; rien n’a été enregistré.</translation>
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
        <translation>l’organisation de démonstration</translation>
    </message>
    <message>
        <source>the local org</source>
        <translation>l’organisation locale</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>running {done} / {total}</source>
        <translation>en cours {done} / {total}</translation>
    </message>
    <message>
        <source>Not syncing yet.</source>
        <translation>Pas encore de synchronisation.</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Phase en cours</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>Progression de la première synchronisation</translation>
    </message>
    <message>
        <source>%v / %m records (%p %)</source>
        <translation>%v /&#xa0;%m enregistrements (%p&#xa0;%)</translation>
    </message>
    <message>
        <source>Synced objects and their record counts</source>
        <translation>Objets synchronisés et leur nombre d’enregistrements</translation>
    </message>
    <message>
        <source>Sync cycles</source>
        <translation>Cycles de synchronisation</translation>
    </message>
    <message>
        <source>Per object figures of the selected cycle</source>
        <translation>Chiffres par objet du cycle sélectionné</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Cycles</translation>
    </message>
    <message>
        <source>Selected cycle, per object</source>
        <translation>Cycle sélectionné, par objet</translation>
    </message>
    <message>
        <source>{object}: %v / %m records (%p %)</source>
        <translation>{object}&#xa0;:&#xa0;%v /&#xa0;%m enregistrements (%p&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Local uniquement</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
</context>
<context>
    <name>SyncStateInSentence</name>
    <message>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>en conflit</translation>
    </message>
    <message>
        <source>local only</source>
        <translation>local uniquement</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>Budget d’API atteint</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>Limite d’API atteinte</translation>
    </message>
    <message>
        <source>Last cycle failed</source>
        <translation>Échec du dernier cycle</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Salesforce refused the saved sign-in: sign in again to resume the sync</source>
        <translation>Salesforce a refusé la connexion enregistrée&#xa0;: reconnectez-vous pour reprendre la synchronisation</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Dernier cycle</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Prochain cycle</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>Utilisation de l’API</translation>
    </message>
    <message numerus="yes">
        <source>{count} API call(s)</source>
        <translation>
            <numerusform>{count} appel d’API</numerusform>
            <numerusform>{count} appels d’API</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync {time}: {status}, {calls}</source>
        <translation>Dernier cycle {time}&#xa0;: {status}, {calls}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} en échec</numerusform>
            <numerusform>, {count} en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>API {used} / {limit} today ({share})</source>
        <translation>API {used} / {limit} aujourd’hui ({share})</translation>
    </message>
    <message>
        <source>Next sync in {time}</source>
        <translation>Prochain cycle dans {time}</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} sur {fields}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>{code}: {message}</source>
        <translation>{code}&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to sfsync</source>
        <translation>Bienvenue dans sfsync</translation>
    </message>
    <message>
        <source>sfsync keeps a local database in two-way sync with a Salesforce org and shows you that sync: which records are in sync, which failed and why, what happened to a person, which fields the sync user can reach.</source>
        <translation>sfsync maintient une base de données locale synchronisée dans les deux sens avec une organisation Salesforce et vous montre cette synchronisation&#xa0;: quels enregistrements sont synchronisés, lesquels ont échoué et pourquoi, ce qui est arrivé à une personne, à quels champs l’utilisateur de synchronisation a accès.</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Essayer l’organisation de démonstration</translation>
    </message>
    <message>
        <source>A local Salesforce org with sample data, started inside the app: nothing leaves this computer</source>
        <translation>Une organisation Salesforce locale avec des données d’exemple, démarrée dans l’application&#xa0;: rien ne quitte cet ordinateur</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Se connecter à Salesforce…</translation>
    </message>
    <message>
        <source>Sign in to Salesforce</source>
        <translation>Se connecter à Salesforce</translation>
    </message>
</context>
</TS>
