import HeraldCore
import Testing

/// Who may read a sent email: the service's email admins always, others only through a role granted to its batch.
@Suite struct EmailViewerTests {
    @Test func adminsReadEverythingOthersOnlyBatchesGrantedToOneOfTheirRoles() {
        let admin = EmailViewer(id: "u1", roles: ["email-admin"])
        let clubAdmin = EmailViewer(id: "u2", roles: ["member", "club-123-admins"])
        let member = EmailViewer(id: "u3", roles: ["member"])
        #expect(admin.mayRead(batchReaders: [], adminRole: "email-admin"))
        #expect(admin.mayRead(batchReaders: ["club-123-admins"], adminRole: "email-admin"))
        #expect(!admin.mayRead(batchReaders: [], adminRole: "staff"))
        #expect(clubAdmin.mayRead(batchReaders: ["club-9-admins", "club-123-admins"], adminRole: "email-admin"))
        #expect(!clubAdmin.mayRead(batchReaders: [], adminRole: "email-admin"))
        #expect(!member.mayRead(batchReaders: ["club-123-admins"], adminRole: "email-admin"))
    }

    @Test func roleNamesAndBatchIdsAreChecked() {
        #expect(ReadRole.roleProblem("club-123-admins") == nil)
        #expect(ReadRole.roleProblem("") == "must be 1 to 255 characters long")
        #expect(ReadRole.roleProblem(String(repeating: "é", count: 128)) == "must be 1 to 255 characters long")
        #expect(ReadRole.roleProblem("a,b") == "must not contain a comma")
        #expect(ReadRole.roleProblem(" a") == "must not start or end with whitespace")
        #expect(ReadRole.batchIdProblem("newsletter, May") == nil)
    }
}
