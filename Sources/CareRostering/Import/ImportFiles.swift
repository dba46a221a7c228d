import CareModel
import CareReports
import Foundation

/// Writes hubs, people, packages and rotas as the CSV files `carehub import` reads: the
/// inverse of the importers, used to make the example files and to test round trips.
public enum ImportFiles {
    /// One CSV text per kind.
    public static func texts(
        hubs: [Hub], carers: [Carer], clients: [Client], packages: [CarePackage], shifts: [LocalShift], absences: [LocalAbsence]
    ) throws -> [ImportKind: String] {
        func money(_ pence: Int) -> String { "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)" }
        func hoursText(_ minutes: Int) -> String { minutes % 60 == 0 ? "\(minutes / 60)" : "\(Double(minutes) / 60)" }
        func coordinate(_ x: Double) -> String { String(format: "%.5f", x) }
        let csv = CSVText.writeVerbatim
        var out: [ImportKind: String] = [:]
        out[.hubs] = try csv(
            [["code", "name", "lat", "lon", "timezone"]]
                + hubs.map {
                    [$0.code, $0.name, coordinate($0.location.latitude), coordinate($0.location.longitude), $0.timeZone]
                })
        out[.carers] = try csv(
            [
                [
                    "external_id", "hub", "given_name", "family_name", "gender", "home_lat", "home_lon", "contract_type",
                    "zero_hours", "contracted_hours", "max_hours", "hourly_rate", "start_date", "end_date", "lendable_to", "transport",
                ]
            ]
                + carers.map { c in
                    [
                        c.externalID, c.hubCode, c.givenName, c.familyName, c.gender.rawValue, coordinate(c.home.latitude),
                        coordinate(c.home.longitude),
                        c.contract.rawValue, c.zeroHours ? "yes" : "no", hoursText(c.contractedMinutesPerWeek), hoursText(c.maxMinutesPerWeek),
                        money(c.hourlyRatePence), c.startDate.description, c.endDate?.description ?? "", c.lendableTo.joined(separator: ";"),
                        c.transport.rawValue,
                    ]
                })
        out[.skills] = try csv(
            [["carer", "skill", "qualified_on", "expires_on"]]
                + carers.flatMap { c in
                    c.skills.map { [c.externalID, $0.skill.code, $0.qualifiedOn.description, $0.expiresOn?.description ?? ""] }
                })
        out[.shifts] = try csv(
            [["carer", "date", "start", "end"]]
                + shifts.map { s in
                    let end = LocalTime(minutesSinceMidnight: (s.start.minutesSinceMidnight + s.minutes) % 1440)?.description ?? ""
                    return [s.carerID, s.date.description, s.start.description, end]
                })
        out[.absences] = try csv(
            [["carer", "kind", "first_day", "last_day", "reason"]]
                + absences.map {
                    [$0.carerID, $0.kind.rawValue, $0.firstDay.description, $0.lastDay.description, ""]
                })
        out[.clients] = try csv(
            [
                [
                    "external_id", "hub", "given_name", "family_name", "postcode", "lat", "lon", "gender_preference",
                    "lead_professional", "funding", "home_first", "discharge_date", "date_of_birth", "preferred_carers",
                    "excluded_carers",
                ]
            ]
                + clients.map { c in
                    [
                        c.externalID, c.hubCode, c.givenName, c.familyName, c.postcode, coordinate(c.location.latitude),
                        coordinate(c.location.longitude),
                        c.genderPreference?.rawValue ?? "", c.leadProfessional ?? "", c.funding.rawValue, c.homeFirst ? "yes" : "no",
                        c.dischargeDate?.description ?? "", c.dateOfBirth?.description ?? "", c.preferredCarers.joined(separator: ";"),
                        c.excludedCarers.joined(separator: ";"),
                    ]
                })
        out[.packages] = try csv(
            [
                [
                    "package", "client", "valid_from", "valid_to", "weekday", "window_start", "window_end",
                    "duration_minutes", "skills", "carers", "priority",
                ]
            ]
                + packages.flatMap { p in
                    p.visits.map { v in
                        [
                            p.externalID, p.clientID, p.validFrom.description, p.validTo?.description ?? "", v.weekday.shortName,
                            v.windowStart.description, v.windowEnd.description, "\(v.durationMinutes)", v.skills.map(\.code).joined(separator: ";"),
                            "\(v.carersNeeded)", v.priority.rawValue,
                        ]
                    }
                })
        return out
    }

    /// The workforce history as `spells`, `vacancies` and `applications` files.
    public static func historyTexts(spells: [EmploymentSpell], vacancies: [Vacancy], applications: [Application]) throws -> [ImportKind: String] {
        let csv = CSVText.writeVerbatim
        func d(_ x: LocalDate?) -> String { x?.description ?? "" }
        return [
            .spells: try csv(
                [
                    [
                        "carer", "hub", "contract_type", "zero_hours", "contracted_hours", "start_date", "end_date",
                        "started_by_internal_move", "leave_reason", "leave_destination", "voluntary", "internal_move",
                    ]
                ]
                    + spells.map { s in
                        [
                            s.carerID, s.hubCode, s.contract.rawValue, s.zeroHours ? "yes" : "no", "\(Double(s.contractedMinutes) / 60)",
                            s.start.description,
                            d(s.end), s.startedByInternalMove ? "yes" : "no", s.leaving?.reason ?? "", s.leaving?.destination ?? "",
                            s.leaving.map { $0.voluntary ? "yes" : "no" } ?? "", s.leaving.map { $0.internalMove ? "yes" : "no" } ?? "",
                        ]
                    }),
            .vacancies: try csv(
                [["external_id", "hub", "opened_on", "closed_on", "close_reason"]]
                    + vacancies.map { [$0.externalID, $0.hubCode, $0.opened.description, d($0.closed), $0.closeReason ?? ""] }),
            .applications: try csv(
                [
                    [
                        "external_id", "vacancy", "source", "applied_on", "interviewed_on", "offered_on", "accepted_on",
                        "declined_on", "checks_cleared_on", "withdrawn_on", "started_on",
                    ]
                ]
                    + applications.map { a in
                        [
                            a.externalID, a.vacancyID, a.source, a.applied.description, d(a.interviewed), d(a.offered), d(a.accepted), d(a.declined),
                            d(a.checksCleared), d(a.withdrawn), d(a.started),
                        ]
                    }),
        ]
    }
}
