import Foundation
import HeraldCore
import SQLKit

extension HeraldStore {
    /// A random 32-byte secret shared by every Herald process on this database, made on first use (e.g. the key
    /// that signs unsubscribe links, so a link keeps working across restarts and on any process).
    public func installationSecret(named name: String) async throws -> [UInt8] {
        let fresh = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let stored = try await engine.autocommit { db in
            try await db.raw("""
                INSERT INTO settings (name, value) VALUES (\(bind: "secret:" + name), \(bind: Base64URL.encode(fresh))) ON CONFLICT (name) DO NOTHING
                """).run()
            return try await db.raw("SELECT value FROM settings WHERE name = \(bind: "secret:" + name)").first()?.decode(column: "value", as: String.self)
        }
        guard let stored, let secret = Base64URL.decode(Array(stored.utf8)), secret.count == 32 else {
            throw CorruptRow(column: "settings.value", value: "secret:\(name)")
        }
        return secret
    }

    /// The role a service's email admins hold: they may read every email the service sent. ``ReadRole/defaultAdminRole``
    /// until ``setEmailAdminRole(_:serviceId:)`` chooses another.
    public func emailAdminRole(serviceId: UUID) async throws -> String {
        try await engine.read { db in
            try await db.raw("SELECT value FROM settings WHERE name = \(bind: Self.emailAdminRoleSetting(serviceId))").first()?
                .decode(column: "value", as: String.self)
        } ?? ReadRole.defaultAdminRole
    }

    /// Makes `role` the service's email admin role.
    public func setEmailAdminRole(_ role: String, serviceId: UUID) async throws {
        try await engine.autocommit { db in
            try await db.raw("""
                INSERT INTO settings (name, value) VALUES (\(bind: Self.emailAdminRoleSetting(serviceId)), \(bind: role))
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """).run()
        }
    }

    /// Per-service settings share the `settings` table, named `<setting>:<service id>`.
    private static func emailAdminRoleSetting(_ serviceId: UUID) -> String {
        "email-admin-role:" + serviceId.storageString
    }
}
