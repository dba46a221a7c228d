import CareModel

/// Staffordshire market towns that the sample county's hubs are named after.
/// Coordinates are the town centres; outward codes are the towns' main postcode districts.
struct Town {
    let code: String
    let name: String
    let latitude: Double
    let longitude: Double
    let outwardCode: String
}

let staffordshireTowns: [Town] = [
    Town(code: "STAF", name: "Stafford", latitude: 52.8064, longitude: -2.1171, outwardCode: "ST16"),
    Town(code: "CANN", name: "Cannock", latitude: 52.6910, longitude: -2.0306, outwardCode: "WS11"),
    Town(code: "LICH", name: "Lichfield", latitude: 52.6835, longitude: -1.8265, outwardCode: "WS13"),
    Town(code: "TAMW", name: "Tamworth", latitude: 52.6339, longitude: -1.6952, outwardCode: "B79"),
    Town(code: "BURT", name: "Burton upon Trent", latitude: 52.8020, longitude: -1.6370, outwardCode: "DE14"),
    Town(code: "LEEK", name: "Leek", latitude: 53.1050, longitude: -2.0235, outwardCode: "ST13"),
    Town(code: "UTTX", name: "Uttoxeter", latitude: 52.8983, longitude: -1.8652, outwardCode: "ST14"),
    Town(code: "NEWC", name: "Newcastle-under-Lyme", latitude: 53.0125, longitude: -2.2274, outwardCode: "ST5"),
    Town(code: "STON", name: "Stone", latitude: 52.9040, longitude: -2.1470, outwardCode: "ST15"),
    Town(code: "RUGE", name: "Rugeley", latitude: 52.7597, longitude: -1.9364, outwardCode: "WS15"),
    Town(code: "BIDD", name: "Biddulph", latitude: 53.1180, longitude: -2.1750, outwardCode: "ST8"),
    Town(code: "CHEA", name: "Cheadle", latitude: 52.9860, longitude: -1.9850, outwardCode: "ST10"),
    Town(code: "KIDS", name: "Kidsgrove", latitude: 53.0870, longitude: -2.2380, outwardCode: "ST7"),
    Town(code: "PENK", name: "Penkridge", latitude: 52.7240, longitude: -2.1160, outwardCode: "ST19"),
    Town(code: "ECCL", name: "Eccleshall", latitude: 52.8580, longitude: -2.2510, outwardCode: "ST21"),
]

/// Most hubs the sample county can have (one per town).
public let maximumSampleHubs = staffordshireTowns.count
