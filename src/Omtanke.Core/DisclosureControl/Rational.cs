using System.Numerics;

namespace Omtanke.Core.DisclosureControl;

/// <summary>
/// An exact fraction: the audit decides whether a hidden value follows from published ones, and a floating-point
/// elimination could call a cell determined (or free) through rounding alone.
/// </summary>
public readonly record struct Rational
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("A rational number cannot have the denominator 0.");
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, Denominator) = gcd.IsOne || gcd.IsZero ? (numerator, denominator) : (numerator / gcd, denominator / gcd);
    }

    public static Rational Zero => new(0, 1);
    public bool IsZero => Numerator.IsZero;

    public static implicit operator Rational(int value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
