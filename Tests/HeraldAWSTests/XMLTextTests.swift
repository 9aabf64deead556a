@testable import HeraldAWS
import Testing

@Suite("Query-protocol XML: lists, nested lists and attribute maps")
struct XMLTextTests {
    // moto's DescribeConfigurationSet answer, with a second destination added.
    let describe = """
        <DescribeConfigurationSetResponse><DescribeConfigurationSetResult><ConfigurationSet><Name>probe</Name></ConfigurationSet>\
        <EventDestinations><member><Name>herald-sns</Name><Enabled>true</Enabled><MatchingEventTypes><member>send</member>\
        <member>bounce</member></MatchingEventTypes><SNSDestination><TopicARN>arn:aws:sns:us-east-1:123456789012:probe</TopicARN>\
        </SNSDestination></member><member><Name>metrics</Name><Enabled>false</Enabled><MatchingEventTypes><member>open</member>\
        </MatchingEventTypes><CloudWatchDestination/></member></EventDestinations></DescribeConfigurationSetResult></DescribeConfigurationSetResponse>
        """

    @Test func nestedListsStayInsideTheirParent() {
        let list = XMLText.elements("EventDestinations", in: describe[...])
        #expect(list.count == 1)
        let members = XMLText.elements("member", in: list[0])
        #expect(members.map(SESEventDestination.init(member:)) == [
            SESEventDestination(name: "herald-sns", matchingEventTypes: ["send", "bounce"], snsTopicArn: "arn:aws:sns:us-east-1:123456789012:probe"),
            SESEventDestination(name: "metrics", enabled: false, matchingEventTypes: ["open"], snsTopicArn: nil),
        ])
    }

    @Test func emptyElementsAndUnclosedOnes() {
        #expect(XMLText.elements("EventDestinations", in: "<R><EventDestinations/></R>"[...]) == [""])
        #expect(XMLText.elements("member", in: "<member>a</member><member>b"[...]) == ["a"])
        #expect(XMLText.members(of: "Names", in: "<Names><member>a&amp;b</member><member/></Names>"[...]) == ["a&b", ""])
    }

    @Test func attributeMaps() {
        let xml = "<Attributes><entry><key>Policy</key><value>{&quot;a&quot;:1}</value></entry><entry><key>DisplayName</key><value/></entry></Attributes>"
        #expect(XMLText.entries(in: xml[...]) == ["Policy": #"{"a":1}"#, "DisplayName": ""])
    }
}
