namespace EventContracts.Linting;

/// <summary>The casing styles EC008 recognises, in the order it prefers them when two are equally common.</summary>
internal enum CasingStyle
{
    UpperSnake,
    Camel,
    Pascal,
    LowerSnake,
    Kebab,
}
