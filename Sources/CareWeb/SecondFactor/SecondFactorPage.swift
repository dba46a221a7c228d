import CareStore

/// The code page of a half-open session: the code field, and for someone not yet enrolled the
/// secret to add to their authenticator app (base32 and an `otpauth://` address, as text: no
/// outside QR service, which the Content-Security-Policy would forbid anyway).
enum SecondFactorPage {
    /// `enrolSecret` is set while the person enrols; `message` appears beside the field.
    static func render(session: WebSession, enrolSecret: String?, message: String?) -> String {
        let error = message.map { #"<p class="error" id="code-error" role="alert">\#(HTML.escape($0))</p>"# } ?? ""
        let described = message == nil ? #" aria-describedby="code-hint""# : #" aria-describedby="code-hint code-error""#
        let intro: String
        if let secret = enrolSecret {
            intro = """
                <p>Managers and administrators sign in with a second factor: a six-digit code from an authenticator app \
                on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).</p>
                <ol>
                <li>In the app, add an account and choose to enter a setup key.</li>
                <li>Account: <strong>carehub</strong>. Key (time-based): <code id="totp-secret" class="secret">\
                \(HTML.escape(SecondFactor.base32(secret: secret, email: session.person.email)))</code></li>
                <li>Or paste this address into an app that accepts one:<br><code id="totp-uri" class="secret">\
                \(HTML.escape(SecondFactor.authenticatorURL(secret: secret, email: session.person.email)))</code></li>
                <li>Enter the code the app now shows, to confirm.</li>
                </ol>
                <p class="muted">Keep the key to yourself. If you lose your phone, ask an administrator to reset it \
                (<code>carehub people totp-reset</code>); you will set it up again at your next sign-in.</p>
                """
        } else {
            intro = "<p>Enter the six-digit code your authenticator app shows for carehub.</p>"
        }
        return HTML.page(
            title: enrolSecret == nil ? "Enter your code" : "Set up your second factor",
            body: """
                <h1>\(enrolSecret == nil ? "Enter your code" : "Set up your second factor")</h1>
                \(intro)
                <form method="post" action="/signin/code" class="signin">
                <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">
                <p><label for="code">Six-digit code</label><br>
                <span class="muted" id="code-hint">A new code every 30 seconds; each code works once.</span><br>
                \(error)
                <input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9 ]*" maxlength="7" \
                autocomplete="one-time-code" required\(described)></p>
                <p><button type="submit">Continue</button></p>
                </form>
                <form method="post" action="/signout" class="signout"><input type="hidden" name="csrf" \
                value="\(HTML.escape(session.csrfToken))"><button type="submit">Sign out</button></form>
                """)
    }
}
