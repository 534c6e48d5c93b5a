<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Activity</name>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Envío fallido</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Linked by email</source>
        <translation>Vinculado por correo electrónico</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Convertido</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Undeleted</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Force-synced</source>
        <translation>Sincronización forzada</translation>
    </message>
    <message>
        <source>Skipped (no access)</source>
        <translation>Omitido (sin acceso)</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Reintentado</translation>
    </message>
    <message>
        <source>Backfilled</source>
        <translation>Completado</translation>
    </message>
</context>
<context>
    <name>ActivityText</name>
    <message>
        <source>{field}: local {local} vs Salesforce {salesforce}; {winner} wins ({policy})</source>
        <translation>{field}: local {local} frente a Salesforce {salesforce}; prevalece {winner} ({policy})</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} en {fields}: {message}</translation>
    </message>
    <message>
        <source>created in Salesforce {id}: {fields}</source>
        <translation>creado en Salesforce {id}: {fields}</translation>
    </message>
    <message>
        <source>pushed {id}: {fields}</source>
        <translation>enviado {id}: {fields}</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <source>pulled: {pulled}; pushed {pushed}, failed {failed}; now {state}</source>
        <translation>recibido: {pulled}; enviados {pushed}, fallidos {failed}; ahora {state}</translation>
    </message>
    <message>
        <source>linked by email {email} to {record}</source>
        <translation>vinculado por el correo electrónico {email} a {record}</translation>
    </message>
    <message>
        <source>converted: Contact {contact}, Account {account}</source>
        <translation>convertido: contacto {contact}, cuenta {account}</translation>
    </message>
    <message>
        <source>merged into {record}</source>
        <translation>fusionado en {record}</translation>
    </message>
    <message>
        <source>absorbed {record}</source>
        <translation>absorbió {record}</translation>
    </message>
    <message numerus="yes">
        <source>backfilled {fields} for {count} {object} record(s)</source>
        <translation>
            <numerusform>{fields} completado en {count} registro de {object}</numerusform>
            <numerusform>{fields} completado en {count} registros de {object}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; {count} local edit(s) kept</source>
        <translation>
            <numerusform>; se conserva {count} cambio local</numerusform>
            <numerusform>; se conservan {count} cambios locales</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce&apos;s answer could not be read: {message}</source>
        <translation>No se pudo leer la respuesta de Salesforce: {message}</translation>
    </message>
    <message>
        <source>queued again: {fields}</source>
        <translation>de nuevo en cola: {fields}</translation>
    </message>
    <message>
        <source> (from local)</source>
        <translation> (desde local)</translation>
    </message>
    <message>
        <source> (from Salesforce)</source>
        <translation> (desde Salesforce)</translation>
    </message>
    <message>
        <source>local</source>
        <comment>the winner of a conflict</comment>
        <translation>el valor local</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>API name</source>
        <translation>Nombre de API</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Modificación</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Local value</source>
        <translation>Valor local</translation>
    </message>
    <message>
        <source>Salesforce value</source>
        <translation>Valor en Salesforce</translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation>Cambio pendiente</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>Llamadas a la API</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizados</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminados</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Primera sincronización</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Solo locales</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Salesforce Id</source>
        <translation>Id de Salesforce</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>sfsync hit a bug</source>
        <translation>sfsync ha encontrado un error</translation>
    </message>
    <message>
        <source>Something went wrong inside sfsync — this is a bug, not something you did. Your data is safe: every change is written together with its queue entry, so nothing half-done is kept.

Please send the report below (secrets are already removed) to whoever looks after sfsync. You can go on working, or quit.</source>
        <translation>Algo ha fallado dentro de sfsync: es un error del programa, no algo que usted haya hecho. Sus datos están a salvo: cada cambio se guarda junto con su entrada en la cola, así que no queda nada a medias.

Envíe el informe de abajo (ya sin secretos) a la persona que mantiene sfsync. Puede seguir trabajando o salir.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Informe del fallo</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copiar informe</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>S&amp;alir</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>presupuesto de API agotado</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>límite de API alcanzado</translation>
    </message>
    <message>
        <source>needs sign-in</source>
        <translation>requiere iniciar sesión</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>intervalo</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>force sync</source>
        <translation>sincronización forzada</translation>
    </message>
    <message>
        <source>once</source>
        <translation>una vez</translation>
    </message>
    <message>
        <source>two-way</source>
        <translation>bidireccional</translation>
    </message>
    <message>
        <source>from Salesforce</source>
        <translation>desde Salesforce</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>done</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>Checking for changes</source>
        <translation>Buscando cambios</translation>
    </message>
    <message>
        <source>Waiting for the next cycle</source>
        <translation>Esperando al siguiente ciclo</translation>
    </message>
    <message>
        <source>First sync of {object}</source>
        <translation>Primera sincronización de {object}</translation>
    </message>
    <message>
        <source>Pulling {object}</source>
        <translation>Recibiendo {object}</translation>
    </message>
    <message>
        <source>Pushing {object}</source>
        <translation>Enviando {object}</translation>
    </message>
    <message>
        <source>Reconciling {object}</source>
        <translation>Conciliando {object}</translation>
    </message>
    <message>
        <source>Fetching newly synced fields of {object}</source>
        <translation>Obteniendo los campos recién sincronizados de {object}</translation>
    </message>
    <message>
        <source>included by you</source>
        <translation>incluido por usted</translation>
    </message>
    <message>
        <source>excluded by you</source>
        <translation>excluido por usted</translation>
    </message>
    <message>
        <source>included by you (from the next sync)</source>
        <translation>incluido por usted (desde la próxima sincronización)</translation>
    </message>
    <message>
        <source>conflict policy: don&apos;t sync</source>
        <translation>política de conflictos: no sincronizar</translation>
    </message>
    <message>
        <source>not useful to sync (excluded by default)</source>
        <translation>no es útil sincronizarlo (excluido de forma predeterminada)</translation>
    </message>
    <message>
        <source>read-only for the sync user: synced from Salesforce only</source>
        <translation>de solo lectura para el usuario de sincronización: solo se sincroniza desde Salesforce</translation>
    </message>
    <message>
        <source>the sync user cannot read this field</source>
        <translation>el usuario de sincronización no puede leer este campo</translation>
    </message>
    <message>
        <source>{type} fields are synced through their component fields</source>
        <translation>los campos de tipo {type} se sincronizan a través de sus campos componentes</translation>
    </message>
    <message>
        <source>the sync user lost read access ({date}); values kept</source>
        <translation>el usuario de sincronización perdió el acceso de lectura ({date}); se conservan los valores</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflicto</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>aún no está en Salesforce</translation>
    </message>
    <message>
        <source>not found in Salesforce</source>
        <translation>no encontrado en Salesforce</translation>
    </message>
</context>
<context>
    <name>ErrorsView</name>
    <message>
        <source>No failed pushes.</source>
        <translation>No hay envíos fallidos.</translation>
    </message>
    <message>
        <source>Failed pushes grouped by error and field</source>
        <translation>Envíos fallidos agrupados por error y campo</translation>
    </message>
    <message>
        <source>Records of the selected error groups</source>
        <translation>Registros de los grupos de errores seleccionados</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Reintentar selección</translation>
    </message>
    <message>
        <source>Retry the selected failed pushes</source>
        <translation>Reintentar los envíos fallidos seleccionados</translation>
    </message>
    <message>
        <source>Queue the selected records&apos; failed changes again and sync now</source>
        <translation>Volver a poner en cola los cambios fallidos de los registros seleccionados y sincronizar ahora</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Reintentar todo</translation>
    </message>
    <message>
        <source>Retry every failed push</source>
        <translation>Reintentar todos los envíos fallidos</translation>
    </message>
    <message>
        <source>Open person</source>
        <translation>Abrir persona</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>Abrir el registro seleccionado</translation>
    </message>
    <message>
        <source>Fix the value in the person&apos;s fields (or the rule in Salesforce), then retry.</source>
        <translation>Corrija el valor en los campos de la persona (o la regla en Salesforce) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message numerus="yes">
        <source>in {count} group(s)</source>
        <translation>
            <numerusform>{count} grupo</numerusform>
            <numerusform>{count} grupos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) failed to push, {groups}.</source>
        <translation>
            <numerusform>{count} registro no se pudo enviar ({groups}).</numerusform>
            <numerusform>{count} registros no se pudieron enviar ({groups}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsModel</name>
    <message>
        <source>{column}: yes</source>
        <translation>{column}: sí</translation>
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
        <translation>Objeto cuyos campos se muestran</translation>
    </message>
    <message>
        <source>Filter by label, API name or reason</source>
        <translation>Filtrar por etiqueta, nombre de API o motivo</translation>
    </message>
    <message>
        <source>Filter the fields</source>
        <translation>Filtrar los campos</translation>
    </message>
    <message>
        <source>Fields, access of the sync user, and whether synced</source>
        <translation>Campos, acceso del usuario de sincronización y si se sincronizan</translation>
    </message>
    <message>
        <source>Tick Synced to include a field, untick it to exclude it. Fields the sync user cannot read are listed greyed out.</source>
        <translation>Marque Sincronizado para incluir un campo y desmárquelo para excluirlo. Los campos que el usuario de sincronización no puede leer aparecen atenuados.</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>Objeto:</translation>
    </message>
    <message numerus="yes">
        <source>{count} field(s), {synced} synced</source>
        <translation>
            <numerusform>{count} campo; sincronizados: {synced}</numerusform>
            <numerusform>{count} campos; sincronizados: {synced}</numerusform>
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
            <numerusform>de {count} registro</numerusform>
            <numerusform>de {count} registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} failed change(s) {of_records} queued again</source>
        <translation>
            <numerusform>{count} cambio fallido {of_records} vuelve a estar en cola</numerusform>
            <numerusform>{count} cambios fallidos {of_records} vuelven a estar en cola</numerusform>
        </translation>
    </message>
    <message>
        <source>{record}: {fields} changed; pushed by the next sync</source>
        <translation>{record}: {fields} modificado; se enviará en el próximo ciclo</translation>
    </message>
    <message>
        <source>{record}: nothing changed</source>
        <translation>{record}: no ha cambiado nada</translation>
    </message>
    <message>
        <source>{record} created locally; the next sync creates it in Salesforce</source>
        <translation>{record} creado localmente; la próxima sincronización lo creará en Salesforce</translation>
    </message>
    <message>
        <source>Nothing to retry</source>
        <translation>No hay nada que reintentar</translation>
    </message>
    <message>
        <source>{field} back to the default; applied by the next sync</source>
        <translation>{field} vuelve al valor predeterminado; se aplicará en la próxima sincronización</translation>
    </message>
    <message>
        <source>{field} included; applied by the next sync</source>
        <translation>{field} incluido; se aplicará en la próxima sincronización</translation>
    </message>
    <message>
        <source>{field} excluded; applied by the next sync</source>
        <translation>{field} excluido; se aplicará en la próxima sincronización</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Configuración guardada</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Sync errors</source>
        <translation>Errores de sincronización</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Field access</source>
        <translation>Acceso a campos</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Run a sync cycle now</source>
        <translation>Ejecutar ahora un ciclo de sincronización</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause or resume background sync</source>
        <translation>Pausar o reanudar la sincronización en segundo plano</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forzar sincronización</translation>
    </message>
    <message>
        <source>Sync the selected person both ways now</source>
        <translation>Sincronizar ahora la persona seleccionada en ambos sentidos</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Nueva persona…</translation>
    </message>
    <message>
        <source>Create a Lead or Contact (sent by the next sync)</source>
        <translation>Crear un posible cliente o un contacto (se envía en la próxima sincronización)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>Buscar en los registros</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Interval, objects, conflict policies, API budget, language</source>
        <translation>Intervalo, objetos, políticas de conflictos, presupuesto de API, idioma</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Iniciar sesión en Salesforce…</translation>
    </message>
    <message>
        <source>Connect to your Salesforce org</source>
        <translation>Conectar con su organización de Salesforce</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Probar la organización de demostración</translation>
    </message>
    <message>
        <source>Sync with a local demo org</source>
        <translation>Sincronizar con una organización de demostración local</translation>
    </message>
    <message>
        <source>Switch profile…</source>
        <translation>Cambiar de perfil…</translation>
    </message>
    <message>
        <source>Sync with another saved sign-in, or sign in with a new account</source>
        <translation>Sincronizar con otro inicio de sesión guardado o iniciar sesión con una cuenta nueva</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Cerrar sesión…</translation>
    </message>
    <message>
        <source>Remove this sign-in and its secrets from this computer</source>
        <translation>Quitar este inicio de sesión y sus secretos de este equipo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Person panel</source>
        <translation>Panel de persona</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <comment>menu</comment>
        <translation>&amp;Sincronización</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <comment>menu</comment>
        <translation>&amp;Registros</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <comment>menu</comment>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Starting {source}…</source>
        <translation>Iniciando {source}…</translation>
    </message>
    <message>
        <source>the demo org</source>
        <translation>la organización de demostración</translation>
    </message>
    <message>
        <source>sfsync — {where}</source>
        <translation>sfsync — {where}</translation>
    </message>
    <message>
        <source>Sync failures</source>
        <translation>Errores de sincronización</translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) could not be pushed to Salesforce; see Sync errors.</source>
        <translation>
            <numerusform>{count} cambio no se pudo enviar a Salesforce; consulte Errores de sincronización.</numerusform>
            <numerusform>{count} cambios no se pudieron enviar a Salesforce; consulte Errores de sincronización.</numerusform>
        </translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”: the sync waits until you sign in again.</source>
        <translation>Salesforce ya no acepta el inicio de sesión del perfil «{0}»: la sincronización espera hasta que vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Volver a iniciar sesión…</translation>
    </message>
    <message>
        <source>{record}: pulled: {pulled}; pushed {pushed}</source>
        <translation>{record}: recibido: {pulled}; enviados {pushed}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} fallido</numerusform>
            <numerusform>, {count} fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>; now {state}</source>
        <translation>; ahora {state}</translation>
    </message>
    <message>
        <source>Force sync done — {results}</source>
        <translation>Sincronización forzada completada — {results}</translation>
    </message>
    <message>
        <source>Force sync of {record} failed: {error}</source>
        <translation>La sincronización forzada de {record} ha fallado: {error}</translation>
    </message>
    <message>
        <source>Could not start: {error}</source>
        <translation>No se pudo iniciar: {error}</translation>
    </message>
    <message>
        <source>The sync stopped: {error}</source>
        <translation>La sincronización se ha detenido: {error}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Sync asked for</source>
        <translation>Sincronización solicitada</translation>
    </message>
    <message>
        <source>Pick a person in the Records view first, then force sync.</source>
        <translation>Elija primero una persona en la vista Registros y después fuerce la sincronización.</translation>
    </message>
    <message>
        <source>Force sync of {record} asked for…</source>
        <translation>Sincronización forzada de {record} solicitada…</translation>
    </message>
    <message>
        <source>The sync is not running: the change was not saved.</source>
        <translation>La sincronización no está en marcha: el cambio no se ha guardado.</translation>
    </message>
    <message>
        <source>There is no {record} any more.</source>
        <translation>{record} ya no existe.</translation>
    </message>
    <message>
        <source>signed in again</source>
        <translation>sesión iniciada de nuevo</translation>
    </message>
    <message>
        <source>Sign out — sfsync</source>
        <translation>Cerrar sesión — sfsync</translation>
    </message>
    <message>
        <source>Sign out of “{0}”? The sync stops, and the sign-in and its secrets are removed from this computer. The local database stays.</source>
        <translation>¿Cerrar la sesión de «{0}»? La sincronización se detiene y el inicio de sesión y sus secretos se quitan de este equipo. La base de datos local se conserva.</translation>
    </message>
    <message>
        <source>Signing out of {0}…</source>
        <translation>Cerrando la sesión de {0}…</translation>
    </message>
    <message>
        <source>Signed out of {0}.</source>
        <translation>Sesión de {0} cerrada.</translation>
    </message>
    <message>
        <source>Could not sign out of {0}: {1}</source>
        <translation>No se pudo cerrar la sesión de {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person — sfsync</source>
        <translation>Nueva persona — sfsync</translation>
    </message>
    <message>
        <source>Create as</source>
        <translation>Crear como</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>The person exists here until the next sync creates it in Salesforce (or links it to the Lead or Contact with the same email).</source>
        <translation>La persona existe aquí hasta que la próxima sincronización la cree en Salesforce (o la vincule al posible cliente o contacto con el mismo correo electrónico).</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field} es obligatorio</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show sfsync</source>
        <translation>Mostrar sfsync</translation>
    </message>
</context>
<context>
    <name>PersonFieldsModel</name>
    <message>
        <source>Waiting to be pushed</source>
        <translation>Pendiente de envío</translation>
    </message>
    <message>
        <source>Push failed</source>
        <translation>Envío fallido</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>No sincronizado</translation>
    </message>
</context>
<context>
    <name>PersonView</name>
    <message>
        <source>Pick a record in the Records view to see it here.</source>
        <translation>Elija un registro en la vista Registros para verlo aquí.</translation>
    </message>
    <message>
        <source>Records of this person</source>
        <translation>Registros de esta persona</translation>
    </message>
    <message>
        <source>A converted Lead and its Contact are one person</source>
        <translation>Un posible cliente convertido y su contacto son una misma persona</translation>
    </message>
    <message>
        <source>Force sync</source>
        <translation>Forzar sincronización</translation>
    </message>
    <message>
        <source>Force sync this person</source>
        <translation>Forzar la sincronización de esta persona</translation>
    </message>
    <message>
        <source>Sync this person both ways now (Ctrl+Shift+F)</source>
        <translation>Sincronizar ahora esta persona en ambos sentidos (Ctrl+Mayús+F)</translation>
    </message>
    <message>
        <source>Sync to Salesforce</source>
        <translation>Sincronizar con Salesforce</translation>
    </message>
    <message>
        <source>Create this person in Salesforce now</source>
        <translation>Crear ahora esta persona en Salesforce</translation>
    </message>
    <message>
        <source>This person exists only here: create it in Salesforce now</source>
        <translation>Esta persona solo existe aquí: créela ahora en Salesforce</translation>
    </message>
    <message>
        <source>Fields: local value, Salesforce value, pending change</source>
        <translation>Campos: valor local, valor en Salesforce, cambio pendiente</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro de actividades</translation>
    </message>
    <message>
        <source>Show activity of kind</source>
        <translation>Mostrar actividad del tipo</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Filter the activity</source>
        <translation>Filtrar la actividad</translation>
    </message>
    <message>
        <source>Filter the activity by text</source>
        <translation>Filtrar la actividad por texto</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>not in Salesforce yet</source>
        <translation>aún no está en Salesforce</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Último error: {error}</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Pick a saved sign-in to sync with, or sign in with a new account.</source>
        <translation>Elija un inicio de sesión guardado con el que sincronizar o inicie sesión con una cuenta nueva.</translation>
    </message>
    <message>
        <source>Saved sign-ins</source>
        <translation>Inicios de sesión guardados</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instancia</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>Conectar con el perfil seleccionado</translation>
    </message>
    <message>
        <source>Sign in with a new account…</source>
        <translation>Iniciar sesión con una cuenta nueva…</translation>
    </message>
    <message>
        <source>Sign in with a new account</source>
        <translation>Iniciar sesión con una cuenta nueva</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Probar la organización de demostración</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Requiere iniciar sesión</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>Sin iniciar sesión todavía</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Sesión iniciada</translation>
    </message>
    <message>
        <source>{0} (now)</source>
        <translation>{0} (actual)</translation>
    </message>
</context>
<context>
    <name>ProfilePickerDialog</name>
    <message>
        <source>Switch profile — sfsync</source>
        <translation>Cambiar de perfil — sfsync</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Could not read the {object} records: {error}</source>
        <translation>No se pudieron leer los registros de {object}: {error}</translation>
    </message>
    <message>
        <source>Not in Salesforce yet</source>
        <translation>Aún no está en Salesforce</translation>
    </message>
    <message>
        <source>sync state {state}</source>
        <translation>estado de sincronización {state}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search name, email, company or Salesforce Id</source>
        <translation>Buscar nombre, correo, empresa o Id de Salesforce</translation>
    </message>
    <message>
        <source>Finds records whose name, email, company or Salesforce Id starts with the text; @domain finds an email domain</source>
        <translation>Encuentra los registros cuyo nombre, correo, empresa o Id de Salesforce empieza por el texto; @dominio encuentra un dominio de correo</translation>
    </message>
    <message>
        <source>Search {object} records</source>
        <translation>Buscar registros de {object}</translation>
    </message>
    <message>
        <source>Filter {object} records by sync state</source>
        <translation>Filtrar registros de {object} por estado de sincronización</translation>
    </message>
    <message>
        <source>{object} record count</source>
        <translation>Número de registros de {object}</translation>
    </message>
    <message>
        <source>{object} records</source>
        <translation>Registros de {object}</translation>
    </message>
    <message numerus="yes">
        <source>{count} found</source>
        <comment>records matching the search</comment>
        <translation>
            <numerusform>{count} encontrado</numerusform>
            <numerusform>{count} encontrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s)</source>
        <translation>
            <numerusform>{count} registro</numerusform>
            <numerusform>{count} registros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Synced objects</source>
        <translation>Objetos sincronizados</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Local wins</source>
        <translation>Gana el valor local</translation>
    </message>
    <message>
        <source>Salesforce wins</source>
        <translation>Gana Salesforce</translation>
    </message>
    <message>
        <source>Salesforce wins unless blank</source>
        <translation>Gana Salesforce salvo si está vacío</translation>
    </message>
    <message>
        <source>Don&apos;t sync</source>
        <translation>No sincronizar</translation>
    </message>
    <message>
        <source>Default (local wins)</source>
        <translation>Predeterminada (gana el valor local)</translation>
    </message>
    <message>
        <source>Settings — sfsync</source>
        <translation>Configuración — sfsync</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between sync cycles</source>
        <translation>Segundos entre ciclos de sincronización</translation>
    </message>
    <message>
        <source> %</source>
        <comment>percent</comment>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the daily API allowance for background sync</source>
        <translation>Parte de la asignación diaria de API para la sincronización en segundo plano</translation>
    </message>
    <message>
        <source>Background sync pauses when the org has used this share of its daily API calls; force sync still works up to 95 %.</source>
        <translation>La sincronización en segundo plano se pausa cuando la organización ha usado esta parte de sus llamadas diarias a la API; la sincronización forzada sigue funcionando hasta el 95 %.</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>Idioma de la ventana</translation>
    </message>
    <message>
        <source>Automatic follows the language of your computer. A new choice applies the next time sfsync starts.</source>
        <translation>Automático usa el idioma de su equipo. Un cambio se aplica la próxima vez que se inicie sfsync.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>The new language applies the next time sfsync starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie sfsync.</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Sincronizar cada</translation>
    </message>
    <message>
        <source>API budget for background sync</source>
        <translation>Presupuesto de API para la sincronización en segundo plano</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Objects: synced or not, direction, conflict policy</source>
        <translation>Objetos: sincronizados o no, dirección, política de conflictos</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Conflict policy</source>
        <translation>Política de conflictos</translation>
    </message>
    <message>
        <source>Conflict policy of {object}</source>
        <translation>Política de conflictos de {object}</translation>
    </message>
    <message>
        <source>Objects (untick to stop syncing one)</source>
        <translation>Objetos (desmarque uno para dejar de sincronizarlo)</translation>
    </message>
    <message>
        <source>Conflict policies of single fields</source>
        <translation>Políticas de conflictos de campos concretos</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Política</translation>
    </message>
    <message>
        <source>Object of a new field policy</source>
        <translation>Objeto de una nueva política de campo</translation>
    </message>
    <message>
        <source>Field of a new field policy</source>
        <translation>Campo de una nueva política de campo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Add a field policy</source>
        <translation>Añadir una política de campo</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected field policy</source>
        <translation>Quitar la política de campo seleccionada</translation>
    </message>
    <message>
        <source>Field policies (override the object&apos;s)</source>
        <translation>Políticas de campo (sustituyen a la del objeto)</translation>
    </message>
    <message>
        <source>Sync changes apply from the next sync cycle.</source>
        <translation>Los cambios de sincronización se aplican desde el próximo ciclo.</translation>
    </message>
    <message>
        <source>Conflict policy of {object}.{field}</source>
        <translation>Política de conflictos de {object}.{field}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in again — sfsync</source>
        <translation>Volver a iniciar sesión — sfsync</translation>
    </message>
    <message>
        <source>Sign in to Salesforce — sfsync</source>
        <translation>Iniciar sesión en Salesforce — sfsync</translation>
    </message>
    <message>
        <source>Sign in to profile “{0}” to sync with it; its settings stay as saved.</source>
        <translation>Inicie sesión en el perfil «{0}» para sincronizar con él; su configuración se mantiene tal como se guardó.</translation>
    </message>
    <message>
        <source>Salesforce no longer accepts the sign-in of profile “{0}”{1}. Sign in again to resume the sync; nothing synced so far is lost.</source>
        <translation>Salesforce ya no acepta el inicio de sesión del perfil «{0}»{1}. Vuelva a iniciar sesión para reanudar la sincronización; no se pierde nada de lo sincronizado hasta ahora.</translation>
    </message>
    <message>
        <source>Sign in once; the window then syncs with this org. Secrets are kept in the system keyring, never in a file.</source>
        <translation>Inicie sesión una vez; después la ventana se sincroniza con esta organización. Los secretos se guardan en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Método de inicio de sesión</translation>
    </message>
    <message>
        <source>Browser sign-in (recommended)</source>
        <translation>Inicio de sesión en el navegador (recomendado)</translation>
    </message>
    <message>
        <source>JWT bearer (private key, unattended)</source>
        <translation>JWT bearer (clave privada, desatendido)</translation>
    </message>
    <message>
        <source>Client credentials (unattended)</source>
        <translation>Credenciales de cliente (desatendido)</translation>
    </message>
    <message>
        <source>Username and password (legacy)</source>
        <translation>Usuario y contraseña (heredado)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nombre del perfil</translation>
    </message>
    <message>
        <source>How this sign-in is called (sfsync --profile NAME)</source>
        <translation>Cómo se llama este inicio de sesión (sfsync --profile NAME)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Production (login.salesforce.com)</source>
        <translation>Producción (login.salesforce.com)</translation>
    </message>
    <message>
        <source>Sandbox (test.salesforce.com)</source>
        <translation>Sandbox (test.salesforce.com)</translation>
    </message>
    <message>
        <source>Custom domain (My Domain or another URL)</source>
        <translation>Dominio personalizado (Mi dominio u otra URL)</translation>
    </message>
    <message>
        <source>Login URL</source>
        <translation>URL de inicio de sesión</translation>
    </message>
    <message>
        <source>https://yourcompany.my.salesforce.com</source>
        <translation>https://suempresa.my.salesforce.com</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Id de cliente</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer key</source>
        <translation>la clave de consumidor de la aplicación conectada</translation>
    </message>
    <message>
        <source>The consumer key of the connected app your Salesforce admin set up for sfsync</source>
        <translation>La clave de consumidor de la aplicación conectada que su administrador de Salesforce configuró para sfsync</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>user@example.com</source>
        <translation>usuario@example.com</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Archivo de clave privada</translation>
    </message>
    <message>
        <source>PEM file that signs the JWT assertions</source>
        <translation>Archivo PEM que firma las aserciones JWT</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Elegir el archivo de clave privada</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>Frase de contraseña de la clave</translation>
    </message>
    <message>
        <source>only if the key file is encrypted</source>
        <translation>solo si el archivo de clave está cifrado</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>the connected app&apos;s consumer secret</source>
        <translation>el secreto de consumidor de la aplicación conectada</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Security token</source>
        <translation>Token de seguridad</translation>
    </message>
    <message>
        <source>empty if your IP address is trusted</source>
        <translation>vacío si su dirección IP es de confianza</translation>
    </message>
    <message>
        <source>The username-password flow is legacy: Salesforce blocks it by default in orgs created since Summer &apos;23 and retires SOAP login() in Summer &apos;27. Prefer Browser sign-in or, unattended, JWT bearer or Client credentials.</source>
        <translation>El flujo de usuario y contraseña es heredado: Salesforce lo bloquea de forma predeterminada en las organizaciones creadas desde Summer &apos;23 y retira SOAP login() en Summer &apos;27. Es preferible el inicio de sesión en el navegador o, de forma desatendida, JWT bearer o credenciales de cliente.</translation>
    </message>
    <message>
        <source>Legacy sign-in warning</source>
        <translation>Aviso sobre el inicio de sesión heredado</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Iniciar sesión con</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Configuración avanzada</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>the system&apos;s certificates</source>
        <translation>los certificados del sistema</translation>
    </message>
    <message>
        <source>A CA bundle (PEM) to trust instead of the system&apos;s, for a private org such as the local one</source>
        <translation>Un paquete de CA (PEM) en el que confiar en lugar del del sistema, para una organización privada como la local</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Elegir el archivo de CA</translation>
    </message>
    <message>
        <source>Callback port</source>
        <translation>Puerto de retorno</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>cualquier puerto libre</translation>
    </message>
    <message>
        <source>Browser sign-in: the loopback port. Give one when the connected app&apos;s callback URL names it: http://127.0.0.1:PORT/callback</source>
        <translation>Inicio de sesión en el navegador: el puerto local. Indíquelo cuando la URL de retorno de la aplicación conectada lo nombre: http://127.0.0.1:PORT/callback</translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation>Error de inicio de sesión</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>Progreso del inicio de sesión</translation>
    </message>
    <message>
        <source>Open the sign-in page again</source>
        <translation>Volver a abrir la página de inicio de sesión</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Copiar el enlace</translation>
    </message>
    <message>
        <source>Paste it into the browser you sign in with</source>
        <translation>Péguelo en el navegador con el que inicia sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>a profile name</source>
        <translation>un nombre de perfil</translation>
    </message>
    <message>
        <source>another profile name (“{0}” exists: pick it in the profile list to sign in again)</source>
        <translation>otro nombre de perfil («{0}» ya existe: elíjalo en la lista de perfiles para volver a iniciar sesión)</translation>
    </message>
    <message>
        <source>a profile name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>un nombre de perfil con letras, cifras, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;</translation>
    </message>
    <message>
        <source>the login URL</source>
        <translation>la URL de inicio de sesión</translation>
    </message>
    <message>
        <source>your org&apos;s My Domain URL (client credentials do not work with login.salesforce.com or test.salesforce.com)</source>
        <translation>la URL de Mi dominio de su organización (las credenciales de cliente no funcionan con login.salesforce.com ni test.salesforce.com)</translation>
    </message>
    <message>
        <source>the client id</source>
        <translation>el id de cliente</translation>
    </message>
    <message>
        <source>the username</source>
        <translation>el nombre de usuario</translation>
    </message>
    <message>
        <source>the private key file</source>
        <translation>el archivo de clave privada</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>la contraseña</translation>
    </message>
    <message>
        <source>the client secret</source>
        <translation>el secreto de cliente</translation>
    </message>
    <message>
        <source>Still needed: {0}.</source>
        <translation>Falta: {0}.</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Claves PEM (*.pem *.key);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Checking {0}…</source>
        <translation>Comprobando {0}…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Finish signing in in the browser window that opened ({0} left). If none opened, open the sign-in page from here.</source>
        <translation>Termine de iniciar sesión en la ventana del navegador que se ha abierto (quedan {0}). Si no se ha abierto ninguna, abra la página de inicio de sesión desde aquí.</translation>
    </message>
    <message>
        <source>No browser could be opened: copy the link into your browser and sign in there ({0} left).</source>
        <translation>No se ha podido abrir ningún navegador: copie el enlace en su navegador e inicie sesión allí (quedan {0}).</translation>
    </message>
    <message>
        <source>The sign-in was cancelled; nothing was saved.</source>
        <translation>Se ha cancelado el inicio de sesión; no se ha guardado nada.</translation>
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
        <translation>la organización de demostración</translation>
    </message>
    <message>
        <source>the local org</source>
        <translation>la organización local</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>running {done} / {total}</source>
        <translation>en curso {done} / {total}</translation>
    </message>
    <message>
        <source>Not syncing yet.</source>
        <translation>Todavía no se está sincronizando.</translation>
    </message>
    <message>
        <source>Current phase</source>
        <translation>Fase actual</translation>
    </message>
    <message>
        <source>First sync progress</source>
        <translation>Progreso de la primera sincronización</translation>
    </message>
    <message>
        <source>%v / %m records (%p %)</source>
        <translation>%v / %m registros (%p %)</translation>
    </message>
    <message>
        <source>Synced objects and their record counts</source>
        <translation>Objetos sincronizados y su número de registros</translation>
    </message>
    <message>
        <source>Sync cycles</source>
        <translation>Ciclos de sincronización</translation>
    </message>
    <message>
        <source>Per object figures of the selected cycle</source>
        <translation>Cifras por objeto del ciclo seleccionado</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objetos</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Ciclos</translation>
    </message>
    <message>
        <source>Selected cycle, per object</source>
        <translation>Ciclo seleccionado, por objeto</translation>
    </message>
    <message>
        <source>{object}: %v / %m records (%p %)</source>
        <translation>{object}: %v / %m registros (%p %)</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Solo local</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
</context>
<context>
    <name>SyncStateInSentence</name>
    <message>
        <source>synced</source>
        <translation>sincronizado</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>en conflicto</translation>
    </message>
    <message>
        <source>local only</source>
        <translation>solo local</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Requiere iniciar sesión</translation>
    </message>
    <message>
        <source>API budget reached</source>
        <translation>Presupuesto de API agotado</translation>
    </message>
    <message>
        <source>API limit reached</source>
        <translation>Límite de API alcanzado</translation>
    </message>
    <message>
        <source>Last cycle failed</source>
        <translation>El último ciclo ha fallado</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Volver a iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Salesforce refused the saved sign-in: sign in again to resume the sync</source>
        <translation>Salesforce ha rechazado el inicio de sesión guardado: vuelva a iniciar sesión para reanudar la sincronización</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Último ciclo</translation>
    </message>
    <message>
        <source>Next cycle</source>
        <translation>Próximo ciclo</translation>
    </message>
    <message>
        <source>API usage</source>
        <translation>Uso de la API</translation>
    </message>
    <message numerus="yes">
        <source>{count} API call(s)</source>
        <translation>
            <numerusform>{count} llamada a la API</numerusform>
            <numerusform>{count} llamadas a la API</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync {time}: {status}, {calls}</source>
        <translation>Último ciclo {time}: {status}, {calls}</translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} fallido</numerusform>
            <numerusform>, {count} fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>API {used} / {limit} today ({share})</source>
        <translation>API {used} / {limit} hoy ({share})</translation>
    </message>
    <message>
        <source>Next sync in {time}</source>
        <translation>Próximo ciclo en {time}</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{code} on {fields}: {message}</source>
        <translation>{code} en {fields}: {message}</translation>
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
        <translation>Le damos la bienvenida a sfsync</translation>
    </message>
    <message>
        <source>sfsync keeps a local database in two-way sync with a Salesforce org and shows you that sync: which records are in sync, which failed and why, what happened to a person, which fields the sync user can reach.</source>
        <translation>sfsync mantiene una base de datos local sincronizada en ambos sentidos con una organización de Salesforce y le muestra esa sincronización: qué registros están sincronizados, cuáles han fallado y por qué, qué le ha ocurrido a una persona, a qué campos llega el usuario de sincronización.</translation>
    </message>
    <message>
        <source>Try the demo org</source>
        <translation>Probar la organización de demostración</translation>
    </message>
    <message>
        <source>A local Salesforce org with sample data, started inside the app: nothing leaves this computer</source>
        <translation>Una organización de Salesforce local con datos de ejemplo, iniciada dentro de la aplicación: nada sale de este equipo</translation>
    </message>
    <message>
        <source>Sign in to Salesforce…</source>
        <translation>Iniciar sesión en Salesforce…</translation>
    </message>
    <message>
        <source>Sign in to Salesforce</source>
        <translation>Iniciar sesión en Salesforce</translation>
    </message>
</context>
</TS>
