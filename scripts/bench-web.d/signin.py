#!/usr/bin/env python3
"""Signs in one session per e-mail address to a running `carehub serve` and prints their cookies,
one per line: signin.py HOST PORT PASSWORD EMAIL...

Used by scripts/bench-web. Follows the same forms a browser does: the e-mail and password form,
then, for managers and administrators, the second factor (enrolling on first sign-in: the
secret is read from the enrolment page, and codes are computed here with RFC 6238 TOTP, as an
authenticator app would). Standard library only.
"""
import base64, hashlib, hmac, http.client, re, struct, sys, time, urllib.parse

host, port, password, emails = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
origin = f"http://{host}:{port}"


def request(method, path, cookie=None, form=None):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    headers = {"Origin": origin}
    if cookie:
        headers["Cookie"] = cookie
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    conn.close()
    return r.status, r.getheader("Location"), r.getheader("Set-Cookie"), data


def totp(secret, at=None, step=30, digits=6):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // step)
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 10 ** digits
    return str(code).zfill(digits)


for i, email in enumerate(emails):
    secret = None
    status, location, set_cookie, _ = request("POST", "/signin", form={"email": email, "password": password})
    if status != 303 or not set_cookie:
        sys.exit(f"sign-in {i + 1} answered {status}")
    cookie = set_cookie.split(";")[0]
    # A second factor, if the server asks for one: follow its form.
    path = location or "/"
    for _ in range(3):
        status, location, _, page = request("GET", path, cookie=cookie)
        if status == 303 and location:
            path = location
            continue
        break
    if 'name="code"' in page:
        # The enrolment page shows the key in base32, in groups of four.
        found = re.search(r'id="totp-secret"[^>]*>\s*([A-Z2-7= ]+?)\s*</code>', page)
        if found:
            secret = found.group(1).replace(" ", "").rstrip("=")
        if not secret:
            sys.exit("the code page shows no secret and none is known")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        action = "/signin/code"
        code = totp(secret)
        form = {"code": code}
        if csrf:
            form["csrf"] = csrf.group(1)
        status, location, set_cookie, page = request("POST", action, cookie=cookie, form=form)
        if status != 303:
            sys.exit(f"second factor {i + 1} answered {status}")
        if set_cookie:  # the session's token is renewed once the second factor is given
            cookie = set_cookie.split(";")[0]
    status, _, _, page = request("GET", "/", cookie=cookie)
    if "signed-in" not in page:
        sys.exit(f"session {i + 1} is not signed in")
    print(cookie)
