extension Sequence<UInt8> {
    /// Lower-case hexadecimal, as SigV4 writes hashes and signatures.
    var hexString: String {
        let digits = Array("0123456789abcdef")
        return String(flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
