import Logging

/// Opens the engine a database setting names: a `postgres://` URL or an SQLite file path.
public func openDatabaseEngine(_ setting: String, logger: Logger) async throws -> any DatabaseEngine {
    if setting.hasPrefix("postgres://") || setting.hasPrefix("postgresql://") {
        return try PostgresEngine(url: setting, logger: logger)
    }
    let path = setting.hasPrefix("sqlite://") ? String(setting.dropFirst("sqlite://".count)) : setting
    return try await SQLiteEngine.open(path: path, logger: logger)
}
