import CareModel
import CareSolver
import Foundation

/// libFuzzer's entry point: the input is a `carehub.problem/1` document. A valid one is then
/// compiled for the engine (what `carehub problem check` and `solve` do first: travel matrix,
/// eligibility) and given to the independent checker twice: with an empty roster, and with a
/// naive one (each visit to the first carers at its window start), so the checker's travel,
/// shift and working-time sums meet every value validation lets through. Every outcome but a
/// crash is fine.
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let problem: Problem
    do {
        problem = try ProblemDecoder.decode(data, file: "week.json")
    } catch let error as ProblemError {
        _ = error.description
        return 0
    } catch {
        fatalError("ProblemDecoder threw an untyped error: \(error)")
    }
    _ = ProblemCompiler.compile(problem)
    _ = RosterChecker.check(FuzzRoster.empty, against: problem)
    _ = RosterChecker.check(FuzzRoster.naive(problem), against: problem)
    return 0
}
