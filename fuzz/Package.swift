// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, built only by scripts/fuzz (they have no `main`: libFuzzer supplies it),
// so that `swift build` and `swift test` of the root package never see them.
let package = Package(
    name: "carehub-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "carehub", path: "..")],
    targets: [
        // The declaration of libFuzzer's driver, which each target's main.swift calls.
        .target(name: "FuzzDriver"),
        // CSV import: the first byte picks the kind, the rest is the file.
        .executableTarget(
            name: "FuzzImport",
            dependencies: ["FuzzDriver", .product(name: "CareRostering", package: "carehub")]
        ),
        // carehub.problem/1: decoding, validation, compiling (as `carehub problem check` does) and the checker.
        .executableTarget(
            name: "FuzzProblem",
            dependencies: [
                "FuzzDriver", .product(name: "CareModel", package: "carehub"), .product(name: "CareSolver", package: "carehub"),
            ]
        ),
    ]
)
