import CarePasswords
import Testing

@Suite("Password policy (NCSC: length, deny list, nothing personal, no composition rules)")
struct PasswordPolicyTests {
    let policy: PasswordPolicy
    init() throws { policy = try PasswordPolicy() }

    /// Under 12 characters is refused, whatever it contains.
    @Test func tooShort() {
        #expect(throws: PasswordRefusal.tooShort(minimum: 12)) { try policy.check("Xy7#kq!Lm2", name: "Ann Lee", email: "ann@x.org") }
    }

    /// A common password from the shipped deny list is refused, in any case.
    @Test(arguments: ["password1234", "PASSWORD1234", "Qwertyuiop123", "iloveyou1234", "correcthorsebatterystaple"])
    func denyList(password: String) {
        #expect(throws: PasswordRefusal.common) { try policy.check(password, name: "Ann Lee", email: "ann@x.org") }
    }

    /// The person's own e-mail, its local part or their name inside the password is refused.
    @Test(arguments: ["ann.lee@x.org", "annlee-rocks-2026", "my name is Lee really"])
    func personal(password: String) {
        #expect(throws: PasswordRefusal.personal) { try policy.check(password, name: "Ann Lee", email: "ann.lee@x.org") }
    }

    /// A long passphrase of lower-case words passes: no composition rules.
    @Test func passphraseAccepted() throws {
        try policy.check("kettle orbit marmalade", name: "Ann Lee", email: "ann@x.org")
    }

    /// A deny list given in text: comments and blank lines are ignored, entries match any case.
    @Test func customDenyList() {
        let custom = PasswordPolicy(denyList: "# comment\n\nCorrectHorse12\n")
        #expect(throws: PasswordRefusal.common) { try custom.check("correcthorse12", name: "A B", email: "q@x.org") }
    }
}

@Suite("argon2id password hashes")
struct PasswordHasherTests {
    /// Small parameters keep the tests quick; the encoding carries them.
    let hasher = PasswordHasher(iterations: 1, memoryKiB: 1024, parallelism: 1)

    /// A hash verifies its own password and refuses another; the encoding names argon2id.
    @Test func roundTrip() throws {
        let hash = try hasher.hash("kettle orbit marmalade")
        #expect(hash.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        #expect(hasher.verify("kettle orbit marmalade", against: hash))
        #expect(!hasher.verify("kettle orbit marmalada", against: hash))
    }

    /// Two hashes of one password differ (random salt) and both verify.
    @Test func saltedHashesDiffer() throws {
        let a = try hasher.hash("kettle orbit marmalade")
        let b = try hasher.hash("kettle orbit marmalade")
        #expect(a != b)
        #expect(hasher.verify("kettle orbit marmalade", against: b))
    }

    /// A malformed hash verifies nothing.
    @Test func malformedHash() {
        #expect(!hasher.verify("anything at all", against: "$argon2id$garbage"))
    }

    /// The default parameters (64 MiB, 3 passes) are what is stored in production.
    @Test func defaultParameters() throws {
        let hash = try PasswordHasher().hash("kettle orbit marmalade")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=3,p=1$"))
    }
}
