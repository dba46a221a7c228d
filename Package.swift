// swift-tools-version:6.1
import PackageDescription

// Shared settings: Swift 6 language mode everywhere, plus the upcoming features the model
// codebases (Hummingbird, postgres-nio) turn on so that `any` and imports stay explicit.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "carehub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carehub", targets: ["carehub"]),
        .library(name: "CareModel", targets: ["CareModel"]),
        .library(name: "CareSolver", targets: ["CareSolver"]),
        .library(name: "CareStore", targets: ["CareStore"]),
        .library(name: "CareReports", targets: ["CareReports"]),
        // For the fuzz package (fuzz/), which feeds CSV files to the import's pure parse step.
        .library(name: "CareRostering", targets: ["CareRostering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // TOTP codes for the second factor of managers and admins (HummingbirdOTP).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Tests only: the browser tests' WebDriver client (FoundationNetworking's URLSession fails
        // against chromedriver on Linux, "Failed writing header").
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    ],
    targets: [
        // libpq, found through pkg-config (Debian keeps the header in /usr/include/postgresql).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The reference argon2 library (Debian's libargon2), for password hashes.
        .systemLibrary(
            name: "CArgon2",
            pkgConfig: "libargon2",
            providers: [.apt(["libargon2-dev"]), .brew(["argon2"])]
        ),
        // Passwords of people who sign in: the NCSC-style policy and argon2id hashes.
        .target(
            name: "CarePasswords",
            dependencies: ["CArgon2"],
            resources: [.copy("common-passwords.txt")],
            swiftSettings: settings
        ),
        // Domain values, file formats and validation. No dependencies.
        .target(name: "CareModel", swiftSettings: settings),
        // Deterministic sample county (demo data and benchmark weeks). Pure: CareModel only.
        .target(name: "CareSample", dependencies: ["CareModel"], swiftSettings: settings),
        // The scheduling engine. CareModel only: no database, no I/O.
        .target(name: "CareSolver", dependencies: ["CareModel"], swiftSettings: settings),
        // The only module that imports CLibPQ.
        .target(name: "CareStore", dependencies: ["CLibPQ", "CareModel"], swiftSettings: settings),
        // Reports as values and their renderers, roster hand-outs: CareModel only, no database.
        .target(
            name: "CareReports",
            dependencies: ["CareModel", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: settings
        ),
        // Hub managers' workflows over the store and the engine: generate, publish (and later rebalance).
        .target(
            name: "CareRostering",
            dependencies: ["CareStore", "CareSolver", "CareModel", "CareReports", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: settings
        ),
        // The web server (`carehub serve`): one more thin client of the same libraries, bound by the
        // same database roles. libpq runs on a thread pool, never on the event loop.
        .target(
            name: "CareWeb",
            dependencies: [
                "CareStore", "CareModel", "CareReports", "CareRostering", "CarePasswords", "CareSolver",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ],
            swiftSettings: settings
        ),
        .executableTarget(
            name: "carehub",
            dependencies: [
                "CareModel", "CareSample", "CareSolver", "CareStore", "CareReports", "CareRostering", "CarePasswords", "CareWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: settings
        ),
        // Solomon's VRPTW loader and exact checker: benchmark code, not a product, so it does not
        // ship in CareSolver; carehub-bench and CareSolverTests use it.
        .target(name: "SolomonBenchmark", dependencies: ["CareSolver"], swiftSettings: settings),
        // Benchmarks (scripts/bench): Solomon VRPTW and generated UK weeks, release builds only.
        .executableTarget(
            name: "carehub-bench",
            dependencies: [
                "CareModel", "CareSample", "CareSolver", "SolomonBenchmark",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        // Shared test helpers: throwaway databases on the server scripts/test starts.
        .target(name: "CareTestSupport", dependencies: ["CareStore"], swiftSettings: settings),

        .testTarget(name: "CareModelTests", dependencies: ["CareModel", "CareSample"], swiftSettings: settings),
        .testTarget(name: "CareSampleTests", dependencies: ["CareSample"], swiftSettings: settings),
        .testTarget(name: "CarePasswordsTests", dependencies: ["CarePasswords"], swiftSettings: settings),
        .testTarget(
            name: "CareSolverTests",
            dependencies: ["CareSolver", "CareModel", "CareSample", "SolomonBenchmark"],
            exclude: ["Fixtures"],  // Solomon instances read by path, not bundled
            swiftSettings: settings
        ),
        .testTarget(
            name: "CareStoreTests",
            dependencies: ["CareStore", "CareSample", "CareTestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CareReportsTests",
            dependencies: ["CareReports", "CareStore", "CareSample", "CareTestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CareRosteringTests",
            dependencies: ["CareRostering", "CareReports", "CareStore", "CareSample", "CareModel", "CareTestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CareWebTests",
            dependencies: [
                "CareWeb", "CareStore", "CareTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "CarehubCLITests",
            dependencies: ["carehub", "CareTestSupport", "CareStore"],
            swiftSettings: settings
        ),
    ]
)
