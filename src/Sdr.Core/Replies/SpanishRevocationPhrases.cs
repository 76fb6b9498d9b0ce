namespace Sdr.Core.Replies;

/// <summary>Spanish free-text revocations, matched without accents ("quítame" is "quitame").</summary>
internal static class SpanishRevocationPhrases
{
    private const string WriteVerb = @"(escribir|enviar|mandar|textear|molestar|contactar|llamar|mensajear)[a-z]*";

    private const string Messages = @"(mensajes|mensajitos|textos|sms|msjs|llamadas|correos|informacion)";

    public static readonly IReadOnlyList<RevocationPhrase> All =
    [
        // "No dejes de escribirme" (don't stop writing) is deliberately absent: only affirmative forms.
        new(ComplianceRules.EsStopWriting,
            RevocationPhrase.Compile($@"\b(para|paren|pare|parar|deja|dejen|deje|dejar|basta|deten|detente|detengan)( ya)? de {WriteVerb}\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsDoNotWrite,
            RevocationPhrase.Compile(@"\bno (me|nos) (escribas|escriba|escriban|contactes|contacte|contacten|llames|llame|llamen|mandes|mande|manden|envies|envie|envien|molestes|moleste|molesten|textees|textee|busques|busque|vuelvas|vuelva|vuelvan)\b|\bno (vuelva|vuelvas|vuelvan) a (escribir|contactar|llamar|mandar|enviar|molestar|textear)[a-z]*\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsDoNotWrite,
            RevocationPhrase.Compile($@"\b(ya )?no (quiero|queremos|deseo|deseamos) (recibir )?(mas )?(sus |tus |estos |los )?{Messages}\b|\bno molestar\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsRemoveMe,
            RevocationPhrase.Compile(@"\b(quitame|quiteme|quitenme|borrame|borreme|borrenme|eliminame|elimineme|eliminenme)\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsRemoveMe,
            RevocationPhrase.Compile(@"\b(sacame|saqueme|saquenme|sacarme|quitarme|borrarme|eliminarme|remueveme|retirame|retireme|sacar|quitar|borrar|eliminar|remover|retirar)( (a )?(mi numero|mi|nos|me))? de (la|su|tu|sus|tus|esta|esa|vuestra) (lista|listas|base)\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsUnsubscribe,
            RevocationPhrase.Compile(@"\b(dar|darme|dame|deme|denme|darnos|dennos|me doy|darse|nos damos) de baja\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsNoMoreMessages,
            RevocationPhrase.Compile($@"\b(no mas|nomas|ya no mas|basta de|suficientes?) {Messages}\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsWrongNumber,
            RevocationPhrase.Compile(@"\b(numero|persona) equivocad[oa]\b|\bse equivoc(o|aron|a|an) de (numero|persona)\b|\bequivocad[oa]s? de numero\b|^(numero )?equivocad[oa]s?$|\bno soy (esa|la|el|ese) (persona|senor|senora)\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsNotInterested,
            RevocationPhrase.Compile(@"\bno (me|nos) interesa(n)?\b|\bno (estoy|estamos) interesad[oa]s?\b|\bno tengo( ningun)? interes\b|\bsin interes\b"),
            0.9, PhraseGuards.NotInterestedQualifier),

        new(ComplianceRules.EsLeaveMeAlone,
            RevocationPhrase.Compile(@"\b(dejame|dejenme|dejeme|dejanos|dejenos|deja|dejen) en paz\b"),
            0.95, PhraseGuards.None),

        new(ComplianceRules.EsEnough,
            RevocationPhrase.Compile(@"\bya basta\b|\bbasta ya\b|\bbasta de\b"),
            0.93, PhraseGuards.None),

        new(ComplianceRules.EsCancelMessages,
            RevocationPhrase.Compile($@"\bcancelar( (la|mi|las|los|mis|esta|estas))? (suscripcion|{Messages})\b"),
            0.93, PhraseGuards.None),
    ];
}
