import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A real Chromium, headless, driven through Debian's `chromedriver` over the W3C WebDriver
/// protocol: the few commands the browser tests need (navigate, find, read text, screenshot).
/// Hand-written because no kept Swift package speaks WebDriver; each command is one JSON request.
/// There is no fallback: without chromium and chromedriver this throws, and the test fails.
final class Browser {
    private let driver: Process
    private let base: URL
    private let session: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts chromedriver on a free port and opens a headless session `width`×`height`.
    init(width: Int = 1280, height: Int = 900) async throws {
        for tool in ["/usr/bin/chromedriver", "/usr/bin/chromium"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw Failure(description: "\(tool) is missing: scripts/test installs chromium and chromium-driver (apt-get)")
        }
        let port = Int.random(in: 20_000..<40_000)
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        driver.arguments = ["--port=\(port)", "--log-level=SEVERE"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        var lastError = "no answer"
        for _ in 0..<100 {
            do {
                let status = try await Self.send(base.appendingPathComponent("status"), method: "GET", body: nil)
                if (status["value"] as? [String: Any])?["ready"] as? Bool == true {
                    ready = true
                    break
                }
            } catch {
                lastError = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard ready else {
            driver.terminate()
            throw Failure(description: "chromedriver did not start on port \(port): \(lastError)")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=\(width),\(height)"],
                    ],
                ]
            ]
        ]
        do {
            let created = try await Self.send(base.appendingPathComponent("session"), method: "POST", body: capabilities)
            guard let id = (created["value"] as? [String: Any])?["sessionId"] as? String else {
                throw Failure(description: "chromedriver gave no session: \(created)")
            }
            session = id
        } catch {
            driver.terminate()
            throw error
        }
    }

    /// Ends the session and stops chromedriver.
    func close() async {
        _ = try? await command("", method: "DELETE")
        driver.terminate()
        // Polled: Foundation's waitUntilExit spins a run loop that a test's task never turns.
        for _ in 0..<20 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        // Debian's chromedriver can outlive SIGTERM; a test must not leave one running.
        if driver.isRunning {
            kill(driver.processIdentifier, SIGKILL)
            for _ in 0..<20 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        }
    }

    /// Opens `url` and waits for the page to load.
    func open(_ url: String) async throws { _ = try await command("url", method: "POST", body: ["url": url]) }

    /// The page's title.
    func title() async throws -> String { try await command("title", method: "GET") as? String ?? "" }

    /// The visible text of every element matching a CSS selector.
    func texts(_ selector: String) async throws -> [String] {
        let found = try await command("elements", method: "POST", body: ["using": "css selector", "value": selector]) as? [[String: Any]] ?? []
        var texts: [String] = []
        for element in found {
            guard let id = element["element-6066-11e4-a52e-4f735466cecf"] as? String else { continue }
            texts.append(try await command("element/\(id)/text", method: "GET") as? String ?? "")
        }
        return texts
    }

    /// Types `text` into the first element matching a CSS selector.
    func type(_ selector: String, _ text: String) async throws {
        let id = try await element(selector)
        _ = try await command("element/\(id)/value", method: "POST", body: ["text": text])
    }

    /// Clicks the first element matching a CSS selector (and waits for a page it loads).
    func click(_ selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("element/\(id)/click", method: "POST")
    }

    private func element(_ selector: String) async throws -> String {
        let found = try await command("element", method: "POST", body: ["using": "css selector", "value": selector]) as? [String: Any]
        guard let id = found?["element-6066-11e4-a52e-4f735466cecf"] as? String else { throw Failure(description: "no \(selector)") }
        return id
    }

    /// Runs `script` in the page (its `arguments` are `args`) and returns its value.
    func execute(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await command("execute/sync", method: "POST", body: ["script": script, "args": args])
    }

    /// Runs an asynchronous `script`, which calls its last argument with the result.
    func executeAsync(_ script: String, _ args: [Any] = []) async throws -> Any? {
        try await command("execute/async", method: "POST", body: ["script": script, "args": args])
    }

    /// How many elements match a CSS selector.
    func count(_ selector: String) async throws -> Int {
        (try await command("elements", method: "POST", body: ["using": "css selector", "value": selector]) as? [Any])?.count ?? 0
    }

    /// Waits until an element matches `selector` (polling every 100 ms), or throws after `seconds`.
    func wait(for selector: String, seconds: Double = 30) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try await count(selector) > 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "nothing matched \(selector) within \(seconds) s")
    }

    /// Resizes the window (a phone: 390×844).
    func resize(width: Int, height: Int) async throws {
        _ = try await command("window/rect", method: "POST", body: ["width": width, "height": height])
    }

    /// A PNG of the viewport.
    func screenshot() async throws -> Data {
        guard let base64 = try await command("screenshot", method: "GET") as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    private func command(_ path: String, method: String, body: [String: Any]? = nil) async throws -> Any? {
        var url = base.appendingPathComponent("session").appendingPathComponent(session)
        if !path.isEmpty { url = url.appendingPathComponent(path) }
        let answer = try await Self.send(url, method: method, body: body ?? (method == "POST" ? [:] : nil))
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return answer["value"]
    }

    private static func send(_ url: URL, method: String, body: [String: Any]?) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
    }
}
