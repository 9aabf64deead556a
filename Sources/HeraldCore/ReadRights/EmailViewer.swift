/// Someone reading sent emails through the calling platform, with the roles the platform asserts for them.
///
/// By default only holders of the service's email admin role may read a sent email; an email sent in a batch may
/// also be read by holders of any role group granted read access to that batch.
public struct EmailViewer: Sendable, Hashable {
    /// The platform's id of the member or user.
    public var id: String
    public var roles: Set<String>

    public init(id: String, roles: Set<String>) {
        self.id = id
        self.roles = roles
    }

    /// Whether the viewer may read an email whose batch grants `batchReaders` (empty for an email in no batch), when
    /// the service's email admins hold `adminRole`.
    public func mayRead(batchReaders: some Sequence<String>, adminRole: String) -> Bool {
        roles.contains(adminRole) || batchReaders.contains(where: roles.contains)
    }
}
