import ArgumentParser
import Foundation

/// `carehub-bench osm-grid`: a generated road network as OpenStreetMap XML, for
/// `scripts/bench-travel` when no real extract is at hand. A square of streets centred on a
/// point, crossed east to west by a river that only some north-south streets bridge, so that
/// road minutes differ from the straight line as they do in a real town.
struct OSMGrid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osm-grid", abstract: "Write a street grid with a river as OpenStreetMap XML (for scripts/bench-travel).")

    @Option(help: "Centre latitude.") var lat = 52.8064
    @Option(help: "Centre longitude.") var lon = -2.1171
    @Option(help: "Side of the square, km.") var km = 18.0
    @Option(help: "Metres between parallel streets.") var spacing = 200.0
    @Option(help: "Every how many north-south streets has a bridge over the river.") var bridgeEvery = 15
    @Option(help: "Output file.") var out: String

    func run() throws {
        let n = Int(km * 1000 / spacing) + 1
        let dLat = spacing / 111_250.0
        let dLon = spacing / (111_320.0 * cos(lat * .pi / 180))
        let south = lat - Double(n - 1) / 2 * dLat
        let west = lon - Double(n - 1) / 2 * dLon
        let river = n / 2  // no street between row `river` and the next, but at bridges
        func node(_ row: Int, _ column: Int) -> Int { 1 + row * n + column }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"carehub-bench osm-grid\">\n"
        xml.reserveCapacity(n * n * 80)
        for row in 0..<n {
            for column in 0..<n {
                xml +=
                    " <node id=\"\(node(row, column))\" version=\"1\" lat=\"\(String(format: "%.7f", south + Double(row) * dLat))\" "
                    + "lon=\"\(String(format: "%.7f", west + Double(column) * dLon))\"/>\n"
            }
        }
        var way = 1
        func street(_ nodes: [Int], major: Bool, oneWay: Bool) {
            guard nodes.count > 1 else { return }
            xml += " <way id=\"\(way)\" version=\"1\">" + nodes.map { "<nd ref=\"\($0)\"/>" }.joined()
            // Every tenth street is a through road at its class default; the rest are 20 mph streets.
            xml += major ? "<tag k=\"highway\" v=\"tertiary\"/>" : "<tag k=\"highway\" v=\"residential\"/><tag k=\"maxspeed\" v=\"20 mph\"/>"
            if oneWay { xml += "<tag k=\"oneway\" v=\"yes\"/>" }
            xml += "</way>\n"
            way += 1
        }
        for row in 0..<n { street((0..<n).map { node(row, $0) }, major: row % 10 == 0, oneWay: row % 7 == 3) }
        for column in 0..<n {
            let major = column % 10 == 0
            if column % bridgeEvery == 0 {
                street((0..<n).map { node($0, column) }, major: major, oneWay: false)
            } else {
                street((0...river).map { node($0, column) }, major: major, oneWay: false)
                street(((river + 1)..<n).map { node($0, column) }, major: major, oneWay: false)
            }
        }
        xml += "</osm>\n"
        try xml.write(toFile: out, atomically: true, encoding: .utf8)
        print("\(out): \(n) x \(n) junctions, \(way - 1) streets, a river with a bridge every \(bridgeEvery) streets")
    }
}
