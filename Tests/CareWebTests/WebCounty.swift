import CareModel
import CarePasswords
import CareRostering
import CareSample
import CareStore
import CareTestSupport
import CareWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Logging

/// Three sample hubs (STAF, CANN, LICH) with week 2026-W48 planned, STAF's and CANN's rosters
/// generated and published, and one person per role (password `password`): the manager, HR and
/// the scheduler and the practitioner (a district nurse) have STAF only; `cann-manager@web.example` manages CANN. Managers and the admin
/// are enrolled for the second factor with `totpSecret`, so `WebVisitor.signIn` can give codes.
struct WebCounty {
    let test: TestDatabase
    let owner: Connection
    let week = ISOWeek(iso: "2026-W48")!
    static let password = "password"
    /// The TOTP secret of every manager and admin here.
    static let totpSecret = "carehub-web-county-totp-secret"

    init(generate: Bool = true, publish: Bool = true) throws {
        test = try TestDatabase()
        owner = try test.connect()
        let county = SampleCountyGenerator.generate(SampleCountySpec(hubs: 3, clientsPerHub: 6, seed: 2, firstWeek: week, weeks: 1))
        _ = try CountyWriter(owner).write(
            hubs: county.hubs, carers: county.carers, clients: county.clients, packages: county.packages,
            shifts: county.shifts, absences: county.absences)
        _ = try VisitPlanner(owner).plan(week: week)
        let people = PeopleRepository(owner)
        let hash = try PasswordHasher(iterations: 1, memoryKiB: 1024).hash(Self.password)
        for role in PersonRole.allCases {
            let hubs = [.manager, .hr, .scheduler, .practitioner].contains(role) ? ["STAF"] : []
            // The practitioner is a district nurse: health staff, whom consent governs.
            let service: StaffService = role == .practitioner ? .communityNursing : .socialCare
            let id = try people.add(name: "Test \(role.rawValue)", email: Self.email(role), role: role, hubCodes: hubs, service: service)
            try people.setPasswordHash(email: Self.email(role), hash: hash)
            if SecondFactor.required(for: role) { try SecondFactorRepository(owner).enrol(personID: id, secret: Self.totpSecret, step: nil) }
        }
        let cannock = try people.add(name: "Cannock Manager", email: "cann-manager@web.example", role: .manager, hubCodes: ["CANN"])
        try people.setPasswordHash(email: "cann-manager@web.example", hash: hash)
        try SecondFactorRepository(owner).enrol(personID: cannock, secret: Self.totpSecret, step: nil)
        if generate {
            for hub in ["STAF", "CANN"] {
                _ = try RosterWorkflow.generate(owner, hubs: [hub], week: week, search: .init(seed: 1, iterations: 200), actor: "test")
                if publish { _ = try RosterWorkflow.publish(owner, hub: hub, week: week, version: 1, force: false, actor: "test") }
            }
        }
    }

    static func email(_ role: PersonRole) -> String { "\(role.rawValue)@web.example" }

    /// The application over this database (a pool of three connections: one may generate).
    func app() -> some ApplicationProtocol {
        WebServer.application(
            settings: .init(host: "127.0.0.1", port: 0, connections: 3), pool: DatabasePool(configuration: test.configuration, size: 3),
            logger: Logger(label: "test"))
    }
}

/// A browser-less visitor: signs in through the form and keeps the cookie; `post` first reads
/// the CSRF token from a page of the site, as a browser's form would carry it.
struct WebVisitor {
    let client: any TestClientProtocol
    var cookie: String?

    static let formHeaders: HTTPFields = [.origin: "http://localhost", .contentType: "application/x-www-form-urlencoded"]

    /// Signs in as `email` (fails the test's expectation through the returned status otherwise).
    /// Managers and admins then give the code of `WebCounty.totpSecret`: this step's, else the next
    /// (the same person signing in twice within 30 seconds), else the following step's once it comes.
    static func signIn(_ client: any TestClientProtocol, _ email: String, password: String = WebCounty.password) async throws -> WebVisitor {
        let (cookie, location) = try await client.execute(
            uri: "/signin", method: .post, headers: formHeaders, body: form(["email": email, "password": password])
        ) { response -> (String?, String?) in
            guard response.status == .seeOther, let set = response.headers[.setCookie] else { return (nil, nil) }
            return (String(set.split(separator: ";")[0]), response.headers[.location])
        }
        let visitor = WebVisitor(client: client, cookie: cookie)
        guard location == "/signin/code" else { return visitor }
        for attempt in 0..<2 {
            if attempt > 0 {
                let now = Date().timeIntervalSince1970
                try await Task.sleep(for: .seconds(30 - now.truncatingRemainder(dividingBy: 30) + 0.2))
            }
            let step = Int(Date().timeIntervalSince1970) / 30
            for candidate in [step, step + 1] {
                let code = TOTP(secret: WebCounty.totpSecret).compute(date: Date(timeIntervalSince1970: Double(candidate * 30)))
                let answer = try await visitor.post("/signin/code", ["code": String(format: "%06d", code)], tokenFrom: "/signin/code")
                if answer.status == .seeOther, let set = answer.headers[.setCookie] {
                    return WebVisitor(client: client, cookie: String(set.split(separator: ";")[0]))
                }
            }
        }
        return visitor
    }

    /// GET: the status, the body as text, and the headers.
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body), $0.headers) }
    }

    /// POST a form; the `csrf` field is read from `tokenFrom` (any signed-in page) unless given.
    func post(_ uri: String, _ fields: [String: String], tokenFrom: String = "/") async throws -> (
        status: HTTPResponse.Status, body: String, headers: HTTPFields
    ) {
        var fields = fields
        if fields["csrf"] == nil, let page = try? await get(tokenFrom).body, let token = page.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1 {
            fields["csrf"] = String(token)
        }
        var headers = Self.formHeaders
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: Self.form(fields)) {
            ($0.status, String(buffer: $0.body), $0.headers)
        }
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }
}
