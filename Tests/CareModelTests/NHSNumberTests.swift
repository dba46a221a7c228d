import CareModel
import Testing

/// NHS numbers: the modulus-11 check digit, the numbers that can never be valid, and the written form.
@Suite("NHS number")
struct NHSNumberTests {
    /// Numbers whose check digit matches are accepted, with or without spaces or hyphens.
    @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919", "4010232137", "9876543210", "4505577104"])
    func valid(_ text: String) throws {
        let number = try #require(NHSNumber(text))
        #expect(number.digits == text.filter(\.isNumber))
        #expect(NHSNumber.problem(text) == nil)
    }

    /// A wrong last digit, a transposition, and text that is not ten digits are refused with the reason.
    @Test(arguments: [
        ("9434765918", "not an NHS number (the check digit does not match)"),
        ("9434765991", "not an NHS number (the check digit does not match)"),
        ("4100232137", "not an NHS number (the check digit does not match)"),
        ("943476591", "not an NHS number (10 digits)"),
        ("94347659190", "not an NHS number (10 digits)"),
        ("94347A5919", "not an NHS number (10 digits)"),
        ("٩٤٣٤٧٦٥٩١٩", "not an NHS number (10 digits)"),
        ("", "not an NHS number (10 digits)"),
    ])
    func invalid(_ bad: (String, String)) {
        #expect(NHSNumber(bad.0) == nil)
        #expect(NHSNumber.problem(bad.0) == bad.1)
    }

    /// Nine digits whose check digit would be 10 never make an NHS number, whatever the tenth.
    @Test(arguments: ["304011980", "198463464", "853194130"])
    func neverValid(_ nine: String) {
        #expect(NHSNumber.checkDigit(nine.compactMap(\.wholeNumberValue)) == nil)
        for last in 0...9 {
            #expect(NHSNumber.problem(nine + String(last)) == "not an NHS number (no check digit is possible)")
        }
    }

    /// The check digit: 11 − (Σ digit × weight 10…2 mod 11), with 11 read as 0.
    @Test func checkDigitArithmetic() {
        #expect(NHSNumber.checkDigit([9, 4, 3, 4, 7, 6, 5, 9, 1]) == 9)
        #expect(NHSNumber.checkDigit([9, 8, 7, 6, 5, 4, 3, 2, 1]) == 0)
        #expect(NHSNumber.checkDigit([0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
    }

    /// Written 3-3-4.
    @Test func writtenForm() {
        #expect(NHSNumber("9434765919")?.description == "943 476 5919")
    }
}
