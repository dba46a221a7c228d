/// osm2pgrouting's map configuration for carehub: which OSM ways are loaded, with a default speed per highway class
/// (km/h, used by osm2pgrouting when a way has no `maxspeed` tag) and a priority.
///
/// Every class that any of car, walk and cycle may use is loaded; which mode may use which class is decided
/// afterwards, in SQL, when the per-mode edges are built. Car speeds are the UK's: motorway 70 mph (112), trunk
/// 50 mph (80), primary 40 mph (64), secondary 35 mph (56), tertiary 30 mph (48), unclassified 25 mph (40),
/// residential 20 mph (32), living street 10, service 16, track 16; slip roads a little slower than their road.
/// Speeds of classes no car uses (footway, path, steps, cycleway ...) are never read. The ids are those of
/// osm2pgrouting's stock `mapconfig.xml`, so `ways.tag_id` means the same with either file.
enum OSMMapConfig {
    /// The XML osm2pgrouting reads with `--conf`.
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration>
          <tag_name name="highway" id="1">
            <tag_value name="motorway"       id="101" priority="1.0"  maxspeed="112" />
            <tag_value name="motorway_link"  id="102" priority="1.0"  maxspeed="64" />
            <tag_value name="trunk"          id="104" priority="1.05" maxspeed="80" />
            <tag_value name="trunk_link"     id="105" priority="1.05" maxspeed="56" />
            <tag_value name="primary"        id="106" priority="1.15" maxspeed="64" />
            <tag_value name="primary_link"   id="107" priority="1.15" maxspeed="48" />
            <tag_value name="secondary"      id="108" priority="1.5"  maxspeed="56" />
            <tag_value name="secondary_link" id="124" priority="1.5"  maxspeed="48" />
            <tag_value name="tertiary"       id="109" priority="1.75" maxspeed="48" />
            <tag_value name="tertiary_link"  id="125" priority="1.75" maxspeed="40" />
            <tag_value name="unclassified"   id="123" priority="3"    maxspeed="40" />
            <tag_value name="residential"    id="110" priority="2.5"  maxspeed="32" />
            <tag_value name="living_street"  id="111" priority="3"    maxspeed="10" />
            <tag_value name="service"        id="112" priority="2.5"  maxspeed="16" />
            <tag_value name="road"           id="100" priority="5"    maxspeed="32" />
            <tag_value name="track"          id="113" priority="4"    maxspeed="16" />
            <tag_value name="byway"          id="121" priority="4"    maxspeed="16" />
            <tag_value name="pedestrian"     id="114" priority="5"    maxspeed="5" />
            <tag_value name="path"           id="117" priority="5"    maxspeed="5" />
            <tag_value name="cycleway"       id="118" priority="5"    maxspeed="15" />
            <tag_value name="footway"        id="119" priority="5"    maxspeed="5" />
            <tag_value name="bridleway"      id="120" priority="5"    maxspeed="5" />
            <tag_value name="steps"          id="122" priority="5"    maxspeed="2" />
          </tag_name>
        </configuration>
        """
}
