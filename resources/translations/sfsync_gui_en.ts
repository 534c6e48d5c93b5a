<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ActivityText</name>
    <message numerus="yes">
        <source>backfilled {fields} for {count} {object} record(s)</source>
        <translation>
            <numerusform>backfilled {fields} for {count} {object} record</numerusform>
            <numerusform>backfilled {fields} for {count} {object} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; {count} local edit(s) kept</source>
        <translation>
            <numerusform>; {count} local edit kept</numerusform>
            <numerusform>; {count} local edits kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorsView</name>
    <message numerus="yes">
        <source>in {count} group(s)</source>
        <translation>
            <numerusform>in {count} group</numerusform>
            <numerusform>in {count} groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} record(s) failed to push, {groups}.</source>
        <translation>
            <numerusform>{count} record failed to push, {groups}.</numerusform>
            <numerusform>{count} records failed to push, {groups}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsView</name>
    <message numerus="yes">
        <source>{count} field(s), {synced} synced</source>
        <translation>
            <numerusform>{count} field, {synced} synced</numerusform>
            <numerusform>{count} fields, {synced} synced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message numerus="yes">
        <source>of {count} record(s)</source>
        <translation>
            <numerusform>of {count} record</numerusform>
            <numerusform>of {count} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} failed change(s) {of_records} queued again</source>
        <translation>
            <numerusform>{count} failed change {of_records} queued again</numerusform>
            <numerusform>{count} failed changes {of_records} queued again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>{count} change(s) could not be pushed to Salesforce; see Sync errors.</source>
        <translation>
            <numerusform>{count} change could not be pushed to Salesforce; see Sync errors.</numerusform>
            <numerusform>{count} changes could not be pushed to Salesforce; see Sync errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} failed</numerusform>
            <numerusform>, {count} failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>{count} found</source>
        <comment>records matching the search</comment>
        <translation>
            <numerusform>{count} found</numerusform>
            <numerusform>{count} found</numerusform>
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
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>{count} API call(s)</source>
        <translation>
            <numerusform>{count} API call</numerusform>
            <numerusform>{count} API calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, {count} failed</source>
        <translation>
            <numerusform>, {count} failed</numerusform>
            <numerusform>, {count} failed</numerusform>
        </translation>
    </message>
</context>
</TS>
