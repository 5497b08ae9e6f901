using System.Linq.Expressions;
using System.Reflection;
using AsMassageAdvisor.Reading;
using FluentValidation;

namespace AsMassageAdvisor.Validation;

/// <summary>
/// The check every enum-valued field of a model type gets from its type, whatever the field: it holds a defined value.
/// The validator adds it as a FluentValidation rule per field (<see cref="AddRules{T}"/>); the quick screen of valid
/// requests runs the same fields' getters (<see cref="AllDefined{T}"/>). Both take the fields from the model, so a field
/// added to the model is checked by both with no edit here.
/// </summary>
internal static class DefinedValues
{
    /// <summary>Adds an "is a defined value" rule for each enum-valued field of <typeparamref name="T"/>, in the model's order.</summary>
    public static void AddRules<T>(AbstractValidator<T> validator)
    {
        foreach (var field in Fields<T>.All)
        {
            field.AddRule(validator);
        }
    }

    /// <summary>Whether every enum-valued field of a model object holds a defined value; no allocation.</summary>
    public static bool AllDefined<T>(T model)
    {
        foreach (var field in Fields<T>.All)
        {
            if (!field.IsDefined(model))
            {
                return false;
            }
        }

        return true;
    }

    private static class Fields<T>
    {
        public static readonly EnumField<T>[] All =
        [
            .. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.IsEnum)
                .OrderBy(p => p.MetadataToken)
                .Select(p => (EnumField<T>)Activator.CreateInstance(typeof(EnumField<,>).MakeGenericType(typeof(T), p.PropertyType), p)!),
        ];
    }

    private abstract class EnumField<T>
    {
        public abstract void AddRule(AbstractValidator<T> validator);

        public abstract bool IsDefined(T model);
    }

    private sealed class EnumField<T, TEnum>(PropertyInfo property) : EnumField<T>
        where TEnum : struct, Enum
    {
        private readonly Func<T, TEnum> _get = property.GetMethod!.CreateDelegate<Func<T, TEnum>>();

        public override void AddRule(AbstractValidator<T> validator)
        {
            var model = Expression.Parameter(typeof(T), "model");
            validator.RuleFor(Expression.Lambda<Func<T, TEnum>>(Expression.Property(model, property), model))
                .IsInEnum().WithErrorCode(InputErrorCodes.NotAllowedValue);
        }

        public override bool IsDefined(T model) => Enum.IsDefined(_get(model));
    }
}
