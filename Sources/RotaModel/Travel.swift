import Foundation

/// Travel minutes and kilometres between locations: the scenario's `travelMatrix` entry for the
/// directed pair when there is one, else the spec's great-circle estimate.
public struct TravelTable: Sendable {
    public let count: Int
    let lat: [Double]
    let lon: [Double]
    let speedKmh: Double
    let roadFactor: Double
    let overrides: [Int: (minutes: Int, km: Double?)]
    /// Dense minute cache for scenarios with up to 1,500 locations.
    let denseMinutes: [Int32]
    /// The longest travel between any two locations, where the dense cache knows it (nil above 1,500).
    public let longestMinutes: Int?

    public init(locations: [Location], settings: TravelSettings, matrix: [(from: Int, to: Int, minutes: Int, km: Double?)]) {
        count = locations.count
        lat = locations.map(\.lat)
        lon = locations.map(\.lon)
        speedKmh = settings.speedKmh
        roadFactor = settings.roadFactor
        var o: [Int: (minutes: Int, km: Double?)] = [:]
        for e in matrix { o[e.from * locations.count + e.to] = (e.minutes, e.km) }
        overrides = o
        if count <= 1500 {
            // Cosines of the latitudes once per location (the same values the formula computes per pair).
            let cosPhi = lat.map { cos($0 * .pi / 180) }
            var dm = [Int32](repeating: 0, count: count * count)
            for a in 0..<count {
                for b in 0..<count where a != b {
                    let m: Int
                    if let o = o[a * count + b] { m = o.minutes } else {
                        let km = TravelTable.greatCircleKm(dLat: lat[b] - lat[a], dLon: lon[b] - lon[a],
                                                           cosLat1: cosPhi[a], cosLat2: cosPhi[b]) * roadFactor
                        m = TravelTable.minutes(km: km, speedKmh: speedKmh)
                    }
                    dm[a * count + b] = Int32(clamping: m)
                }
            }
            denseMinutes = dm
            longestMinutes = Int(dm.max() ?? 0)
        } else {
            denseMinutes = []
            longestMinutes = nil
        }
    }

    /// The spec's great-circle distance in km (before the road factor).
    public static func haversineKm(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        greatCircleKm(dLat: lat2 - lat1, dLon: lon2 - lon1, cosLat1: cos(lat1 * .pi / 180), cosLat2: cos(lat2 * .pi / 180))
    }

    /// The haversine formula on differences in degrees and the cosines of both latitudes (which the
    /// dense cache computes once per location).
    @inline(__always) static func greatCircleKm(dLat: Double, dLon: Double, cosLat1: Double, cosLat2: Double) -> Double {
        let s1 = sin(dLat * .pi / 180 / 2), s2 = sin(dLon * .pi / 180 / 2)
        let h = s1 * s1 + cosLat1 * cosLat2 * s2 * s2
        return 2 * 6371.0088 * asin(sqrt(h))
    }

    /// The spec's travel minutes for a road distance: rounded up.
    @inline(__always) static func minutes(km: Double, speedKmh: Double) -> Int { Int((km / speedKmh * 60).rounded(.up)) }

    static func compute(_ a: Int, _ b: Int, _ lat: [Double], _ lon: [Double], _ speed: Double, _ road: Double,
                        _ overrides: [Int: (minutes: Int, km: Double?)]) -> (Int, Double) {
        if a == b { return (0, 0) }
        let km = haversineKm(lat1: lat[a], lon1: lon[a], lat2: lat[b], lon2: lon[b]) * road
        if let o = overrides[a * lat.count + b] { return (o.minutes, o.km ?? km) }
        return (minutes(km: km, speedKmh: speed), km)
    }

    /// Travel minutes from location `a` to location `b`.
    @inline(__always) public func minutes(_ a: Int, _ b: Int) -> Int {
        if a == b { return 0 }
        if !denseMinutes.isEmpty { return Int(denseMinutes[a * count + b]) }
        return TravelTable.compute(a, b, lat, lon, speedKmh, roadFactor, overrides).0
    }

    /// Travel kilometres from location `a` to location `b`.
    public func km(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        return TravelTable.compute(a, b, lat, lon, speedKmh, roadFactor, overrides).1
    }
}
