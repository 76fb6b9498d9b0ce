using System.Text.Json.Nodes;
using Sdr.Sandbox.Http;

namespace Sdr.Sandbox.Webhooks;

internal static class WebhookPayloads
{
    public static JsonObject InboundMessage(SandboxMessage message) => new()
    {
        ["type"] = "InboundMessage",
        ["locationId"] = message.LocationId,
        ["attachments"] = new JsonArray(),
        ["body"] = message.Body,
        ["contactId"] = message.ContactId,
        ["contentType"] = message.Type == "Email" ? "text/html" : "text/plain",
        ["conversationId"] = message.ConversationId,
        ["dateAdded"] = SandboxJson.Iso(message.DateAdded),
        ["direction"] = "inbound",
        ["messageType"] = message.Type,
        ["status"] = "delivered",
        ["messageId"] = message.Id,
    };

    public static JsonObject AppointmentCreate(SandboxAppointment appointment) => new()
    {
        ["type"] = "AppointmentCreate",
        ["locationId"] = appointment.LocationId,
        ["appointment"] = new JsonObject
        {
            ["id"] = appointment.Id,
            ["title"] = appointment.Title ?? "Appointment",
            ["calendarId"] = appointment.CalendarId,
            ["contactId"] = appointment.ContactId,
            ["appointmentStatus"] = appointment.AppointmentStatus,
            ["users"] = new JsonArray(),
            ["source"] = "third_party",
            ["startTime"] = appointment.StartTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["endTime"] = appointment.EndTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["dateAdded"] = SandboxJson.Iso(appointment.At),
            ["dateUpdated"] = SandboxJson.Iso(appointment.At),
        },
    };

    public static JsonObject ContactDndUpdate(SandboxContact contact)
    {
        lock (contact.Sync)
        {
            var dndSettings = new JsonObject();
            foreach (var (channel, setting) in contact.DndSettings)
            {
                dndSettings[channel] = new JsonObject { ["status"] = setting.Status, ["message"] = setting.Message, ["code"] = setting.Code };
            }

            var payload = new JsonObject
            {
                ["type"] = "ContactDndUpdate",
                ["locationId"] = contact.LocationId,
                ["id"] = contact.Id,
                ["address1"] = contact.Address1,
                ["city"] = contact.City,
                ["state"] = contact.State,
                ["companyName"] = contact.CompanyName,
                ["country"] = contact.Country,
                ["source"] = contact.Source,
                ["dateAdded"] = SandboxJson.Iso(contact.DateAdded),
                ["dnd"] = contact.Dnd,
                ["dndSettings"] = dndSettings,
                ["email"] = contact.Email,
                ["name"] = $"{contact.FirstName} {contact.LastName}".Trim(),
                ["firstName"] = contact.FirstName,
                ["lastName"] = contact.LastName,
                ["phone"] = contact.Phone,
                ["postalCode"] = contact.PostalCode,
                ["tags"] = new JsonArray([.. contact.Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["attachments"] = new JsonArray(),
                ["customFields"] = new JsonArray(),
            };
            return payload;
        }
    }

    public static JsonObject OpportunityStageUpdate(SandboxOpportunity opportunity) => new()
    {
        ["type"] = "OpportunityStageUpdate",
        ["locationId"] = opportunity.LocationId,
        ["id"] = opportunity.Id,
        ["contactId"] = opportunity.ContactId,
        ["monetaryValue"] = opportunity.MonetaryValue,
        ["name"] = opportunity.Name,
        ["pipelineId"] = opportunity.PipelineId,
        ["pipelineStageId"] = opportunity.PipelineStageId,
        ["source"] = opportunity.Source,
        ["status"] = opportunity.Status,
        ["dateAdded"] = SandboxJson.Iso(opportunity.CreatedAt),
    };
}
