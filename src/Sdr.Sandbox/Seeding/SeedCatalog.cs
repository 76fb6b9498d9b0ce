namespace Sdr.Sandbox.Seeding;

internal sealed record SeedCity(string State, string City, string PostalCode, string TimeZone, string[] AreaCodes);

internal static class SeedCatalog
{
    public static readonly SeedCity[] Cities =
    [
        new("HI", "Honolulu", "96813", "Pacific/Honolulu", ["808"]),
        new("AK", "Anchorage", "99501", "America/Anchorage", ["907"]),
        new("AZ", "Phoenix", "85004", "America/Phoenix", ["602", "480", "623"]),
        new("AZ", "Tucson", "85701", "America/Phoenix", ["520"]),
        new("CA", "Los Angeles", "90012", "America/Los_Angeles", ["213", "310", "323"]),
        new("CA", "San Diego", "92101", "America/Los_Angeles", ["619", "858"]),
        new("CA", "Sacramento", "95814", "America/Los_Angeles", ["916"]),
        new("WA", "Seattle", "98101", "America/Los_Angeles", ["206", "425"]),
        new("CO", "Denver", "80202", "America/Denver", ["303", "720"]),
        new("CO", "Colorado Springs", "80903", "America/Denver", ["719"]),
        new("TX", "Dallas", "75201", "America/Chicago", ["214", "469", "972"]),
        new("TX", "Houston", "77002", "America/Chicago", ["713", "281", "832"]),
        new("TX", "Austin", "78701", "America/Chicago", ["512", "737"]),
        new("TX", "El Paso", "79901", "America/Denver", ["915"]),
        new("IL", "Chicago", "60601", "America/Chicago", ["312", "773", "872"]),
        new("OK", "Oklahoma City", "73102", "America/Chicago", ["405"]),
        new("OK", "Tulsa", "74103", "America/Chicago", ["918"]),
        new("FL", "Miami", "33130", "America/New_York", ["305", "786"]),
        new("FL", "Orlando", "32801", "America/New_York", ["407", "321"]),
        new("FL", "Pensacola", "32502", "America/Chicago", ["850"]),
        new("NY", "New York", "10007", "America/New_York", ["212", "646", "718"]),
        new("NY", "Buffalo", "14202", "America/New_York", ["716"]),
        new("MD", "Baltimore", "21202", "America/New_York", ["410", "443"]),
        new("GA", "Atlanta", "30303", "America/New_York", ["404", "678"]),
    ];

    public static readonly string[] FirstNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen", "Charles", "Sarah",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
        "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle",
        "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie",
        "Jose", "Maria", "Luis", "Carmen", "Kai", "Leilani", "Wei", "Mei", "Darnell", "Keisha",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Kealoha", "Chen", "Okafor", "Washington", "Begay", "Novak",
    ];

    public static readonly string[] Streets =
    [
        "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lakeview Dr",
        "Park Ave", "Sunset Blvd", "Hillcrest Rd", "Ridge Rd",
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com"];

    public static readonly string[] Tags =
    [
        "seller-lead", "absentee-owner", "probate", "tired-landlord", "expired-listing", "pre-foreclosure",
        "warm", "cold", "hot", "facebook-ad", "ppc", "direct-mail",
    ];

    public static readonly string[] StageNames = ["New Lead", "Contacted", "Appointment Set", "Nurture", "Closed"];

    public static readonly string[] WorkflowNames = ["SMS_1", "SMS_2 Follow Up", "Email Follow Up", "Voicemail Drop", "Nurture 90 Day"];
}
