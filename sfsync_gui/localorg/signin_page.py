"""HTML of the local org's OAuth pages: the sign-in form and the error page.

Every value that came from a request is HTML-escaped (quotes too, since some land in
attributes); the pages carry no script, and the server sends them with a CSP that forbids
any (see :data:`PAGE_HEADERS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from string import Template

#: Where the form posts: the same authorize endpoint, as POST.
FORM_ACTION = "/services/oauth2/authorize"

#: Headers for every HTML page. ``form-action`` lists the loopback origins because browsers
#: apply it to the redirect that follows the form's POST as well.
PAGE_HEADERS: dict[str, str] = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'self' http://127.0.0.1:* http://localhost:*"
    ),
}

_STYLE = """
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
       background: #f3f3f3; color: #181818; }
main { max-width: 22rem; margin: 4rem auto; background: #fff; padding: 2rem;
       border-radius: 0.5rem; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
p.org { margin: 0 0 1.5rem; color: #5c5c5c; font-size: 0.875rem; }
label { display: block; font-size: 0.875rem; margin: 1rem 0 0.25rem; }
input[type=text], input[type=password] { box-sizing: border-box; width: 100%;
       padding: 0.5rem; border: 1px solid #c9c9c9; border-radius: 0.25rem; font-size: 1rem; }
.error { background: #fde8e8; border: 1px solid #ea001e; color: #ba0517;
         padding: 0.75rem; border-radius: 0.25rem; font-size: 0.875rem; }
.buttons { display: flex; gap: 0.5rem; margin-top: 1.5rem; }
button { flex: 1; padding: 0.6rem; font-size: 1rem; border-radius: 0.25rem;
         border: 1px solid #0176d3; cursor: pointer; }
button.primary { background: #0176d3; color: #fff; }
button.secondary { background: #fff; color: #0176d3; }
code { word-break: break-all; }
"""

_SIGNIN = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in | $org_name</title>
<style>$style</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p class="org">$org_name &middot; to allow <strong>$client_label</strong> access</p>
$error_block
<form method="post" action="$action" autocomplete="off">
$hidden
<label for="username">Username</label>
<input type="text" id="username" name="username" value="$username" required autofocus>
<label for="password">Password</label>
<input type="password" id="password" name="password" required>
<div class="buttons">
<button type="submit" class="primary" name="action" value="login">Log In</button>
<button type="submit" class="secondary" name="action" value="deny" formnovalidate>Deny</button>
</div>
</form>
</main>
</body>
</html>
""")

_ERROR = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>OAuth error | $org_name</title>
<style>$style</style>
</head>
<body>
<main>
<h1>Authorization error</h1>
<p class="error">error=<code>$error</code><br>error_description=<code>$description</code></p>
</main>
</body>
</html>
""")


def _e(value: str) -> str:
    return escape(value, quote=True)


def render_signin_page(
    hidden: Mapping[str, str],
    *,
    username: str = "",
    error: str | None = None,
    client_label: str = "the connected app",
    org_name: str = "Local Salesforce org",
) -> bytes:
    """The sign-in form. ``hidden`` are the authorize request's parameters, carried through
    the POST; ``username`` pre-fills the field (never the password)."""
    fields = "\n".join(
        f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">' for k, v in hidden.items()
    )
    error_block = f'<p class="error" role="alert">{_e(error)}</p>' if error else ""
    return _SIGNIN.substitute(
        style=_STYLE,
        org_name=_e(org_name),
        client_label=_e(client_label),
        error_block=error_block,
        action=_e(FORM_ACTION),
        hidden=fields,
        username=_e(username),
    ).encode("utf-8")


def render_error_page(
    error: str, description: str, *, org_name: str = "Local Salesforce org"
) -> bytes:
    """The page shown instead of redirecting, when the redirect target cannot be trusted."""
    return _ERROR.substitute(
        style=_STYLE, org_name=_e(org_name), error=_e(error), description=_e(description)
    ).encode("utf-8")
