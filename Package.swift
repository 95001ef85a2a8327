// swift-tools-version: 6.0
// rota: a scheduling optimizer for social-care teams.
// Licence: GPL-3.0-or-later (the executable links GLPK, which is GPL-3.0).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "rota",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rota", targets: ["rota"]),
        .library(name: "RotaModel", targets: ["RotaModel"]),
        .library(name: "RotaChecker", targets: ["RotaChecker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // The C boundary: GLPK from Debian's libglpk-dev (no pkg-config file, so the modulemap links it).
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The domain: scenario and solution documents, time, travel, validation. No GLPK.
        .target(name: "RotaModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The single judge: every hard rule and objective term recomputed from the scenario.
        .target(name: "RotaChecker", dependencies: ["RotaModel"]),
        // A solver-neutral mixed-integer modelling layer and an LP-format writer. No GLPK.
        .target(name: "LinearModel"),
        // GLPK behind one thin boundary.
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel",
                                                   .product(name: "Logging", package: "swift-log")]),
        // The rota as an integer program.
        .target(name: "RotaMIP", dependencies: ["RotaModel", "RotaChecker", "LinearModel"]),
        // The native construction and local-search solver.
        .target(name: "RotaGreedy", dependencies: ["RotaModel", "RotaChecker"]),
        // Shift rostering by column generation: patterns priced by the native solver's dynamic programme.
        .target(name: "RotaColumns", dependencies: ["RotaModel", "RotaChecker", "RotaGreedy", "LinearModel"]),
        // Solve orchestration and the users' workflows (auto, explain, what-if, re-optimise, export, import).
        .target(name: "RotaWorkflows", dependencies: ["RotaModel", "RotaChecker", "RotaMIP", "RotaGreedy", "RotaColumns",
                                                      "GLPKSolver", "LinearModel",
                                                      .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "rota", dependencies: ["RotaWorkflows", "RotaModel", "RotaChecker",
                                                       .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                                       .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RotaModelTests", dependencies: ["RotaModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RotaCheckerTests", dependencies: ["RotaModel", "RotaChecker"]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .testTarget(name: "RotaMIPTests", dependencies: ["RotaMIP", "RotaModel", "RotaChecker", "LinearModel", "GLPKSolver"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RotaGreedyTests", dependencies: ["RotaGreedy", "RotaModel", "RotaChecker"]),
        .testTarget(name: "RotaCLITests", dependencies: ["RotaWorkflows", "RotaModel", "RotaChecker", "RotaColumns", "GLPKSolver", "LinearModel"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strict
}
