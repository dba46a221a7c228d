/// A kind of CSV file carehub imports (`carehub import KIND FILE`), named by its parser.
public struct ImportKind: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    let parser: any ImportParser.Type

    /// Every kind, in the order help and errors list them. Adding a kind: its file in `Kinds/`
    /// and one entry here.
    static var parsers: [any ImportParser.Type] {
        [
            HubsImport.self, CarersImport.self, SkillsImport.self, ShiftsImport.self, AbsencesImport.self, ClientsImport.self,
            PackagesImport.self, SpellsImport.self, VacanciesImport.self, ApplicationsImport.self, CostsImport.self,
            DischargesImport.self, CommissionsImport.self, OutcomesImport.self, RecordsImport.self, CarePlansImport.self, HomeFirstImport.self,
            LeadsImport.self,
        ]
    }

    /// The files describing a county's people, places and rotas (the HR files follow them).
    public static let county: [ImportKind] = [.hubs, .carers, .skills, .shifts, .absences, .clients, .packages]

    public static var allCases: [ImportKind] { parsers.map(ImportKind.init) }

    init(_ parser: any ImportParser.Type) { self.parser = parser }

    /// The kind with this name, or nil.
    public init?(rawValue: String) {
        guard let parser = Self.parsers.first(where: { $0.name == rawValue }) else { return nil }
        self.init(parser)
    }

    /// The kind's name, as typed on the command line.
    public var rawValue: String { parser.name }
    public var description: String { rawValue }

    /// What one counted record is.
    public var unit: String { parser.unit }

    /// Required columns (others listed in docs/import.md are optional).
    public var requiredColumns: [String] { parser.requiredColumns }

    public static func == (a: ImportKind, b: ImportKind) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
