/// The `page_size` query parameter of Herald's paged lists: 1 to 1,000, 250 unless given.
enum PageSize {
    static let maximum = 1_000
    static let standard = 250

    /// `value` as a page size, or nil after adding the problem with it to `problems`.
    static func parse(_ value: String, problems: inout [String]) -> Int? {
        if let size = Int(value), (1...maximum).contains(size) { return size }
        problems.append("page_size must be a whole number from 1 to \(maximum)")
        return nil
    }
}
