"""The local Salesforce org: an HTTPS server on loopback that speaks Salesforce's REST API.

No Qt here. Start it with ``sfsync localorg serve`` or in-process with
:func:`sfsync_gui.localorg.server.start_local_org`.
"""
