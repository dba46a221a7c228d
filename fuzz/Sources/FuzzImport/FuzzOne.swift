import CareRostering
import Foundation

/// Identifiers the seed files refer to, so fuzzed rows get past the reference checks and
/// reach the field checks behind them.
let known = References(
    hubs: ["STAF", "CANN", "LICH"], carers: ["C-STAF-0001", "C-STAF-0005", "C-STAF-0017"],
    clients: ["P-STAF-0001", "P-STAF-0002"], vacancies: ["V-STAF-0001"])

let kinds = ImportKind.allCases

/// libFuzzer's entry point: byte 0 chooses the import kind, the rest is the CSV file. Every
/// outcome but a crash is fine: a count of writes or an `ImportError` listing the issues.
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let kind = kinds[Int(bytes[0]) % kinds.count]
    let data = Data(bytes.dropFirst())
    do {
        _ = try ImportCheck.check(kind, data: data, name: "\(kind).csv", known: known)
    } catch let error as ImportError {
        _ = error.description
    } catch {
        fatalError("ImportCheck threw an untyped error: \(error)")
    }
    return 0
}
