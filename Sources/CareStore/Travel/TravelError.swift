import CareModel

/// Why road travel could not be loaded or computed. Messages name files, modes, counts and
/// carers' or clients' external ids (identifiers, not addresses); nothing is half-written when
/// one is thrown.
public enum TravelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server lacks PostGIS or pgRouting.
    case noRoutingExtensions
    /// PostGIS or pgRouting is installed in another schema than `travel`.
    case extensionsElsewhere
    /// The server has PostGIS and pgRouting, but this login may not create them.
    case extensionsNeedSuperuser
    /// `carehub travel load` has not been run on this database.
    case noNetwork
    /// The extract named cannot be read.
    case unreadableFile(String)
    /// A program the load needs is not installed.
    case missingTool(program: String, package: String)
    /// A program the load ran failed; `output` is its last lines (map data, not personal data).
    case toolFailed(program: String, status: Int32, output: String)
    /// The file has no way a carer could travel along.
    case emptyExtract(file: String)
    /// Places farther than the limit from any vertex their mode may use.
    case farPlaces(mode: TransportMode, places: [String], limitMetres: Double)
    /// Pairs of places with no route between them (`count` in all, the first few named).
    case unreachable(mode: TransportMode, count: Int, examples: [String])

    public var description: String {
        switch self {
        case .noRoutingExtensions:
            return "road travel needs PostGIS and pgRouting on the server (Debian: postgresql-15-postgis-3 and postgresql-15-pgrouting; "
                + "scripts/setup installs them)"
        case .extensionsElsewhere:
            return "PostGIS or pgRouting is already installed in this database in another schema than travel, where carehub "
                + "keeps them: give carehub a database of its own"
        case .extensionsNeedSuperuser:
            return "PostGIS and pgRouting are installed but only a superuser may create them: as one, run "
                + "CREATE EXTENSION postgis WITH SCHEMA travel; CREATE EXTENSION pgrouting WITH SCHEMA travel;"
        case .noNetwork:
            return "no road network is loaded: run carehub travel load FILE.osm first"
        case .unreadableFile(let file):
            return "\(file): no such file, or not readable"
        case .missingTool(let program, let package):
            return "\(program) is not installed (Debian package \(package); scripts/setup installs it)"
        case .toolFailed(let program, let status, let output):
            return "\(program) failed (exit \(status)); the current network is kept:\n\(output)"
        case .emptyExtract(let file):
            return "\(file): the extract has no routable ways; the current network is kept"
        case .farPlaces(let mode, let places, let limit):
            let shown = places.prefix(10).joined(separator: ", ") + (places.count > 10 ? " and \(places.count - 10) more" : "")
            return "\(places.count) place\(places.count == 1 ? " is" : "s are") over \(Int(limit)) m from the nearest junction or end of a way "
                + "a \(mode.traveller) may use (outside the loaded extract, or up a long unmapped lane): \(shown); no minutes were stored"
        case .unreachable(let mode, let count, let examples):
            return "\(count) pair\(count == 1 ? "" : "s") of places have no route \(mode.byPhrase) (a road joined to nothing, or an "
                + "extract cut too tightly), for example \(examples.joined(separator: ", ")); no minutes were stored"
        }
    }
}

extension TransportMode {
    /// "driver", "walker"… for messages.
    var traveller: String {
        switch self {
        case .car: return "driver"
        case .walk: return "walker"
        case .cycle: return "cyclist"
        case .public: return "bus passenger"
        }
    }

    /// "by car", "on foot"… for messages.
    public var byPhrase: String {
        switch self {
        case .car: return "by car"
        case .walk: return "on foot"
        case .cycle: return "by bicycle"
        case .public: return "by public transport"
        }
    }
}
