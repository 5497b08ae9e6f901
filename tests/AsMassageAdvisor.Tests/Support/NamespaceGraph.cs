using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AsMassageAdvisor.Tests.Support;

/// <summary>
/// Which of an assembly's namespaces uses which, read from the compiled assembly: signatures, attributes, and every
/// type, method and field a method body names (so a fully qualified name or a type of the enclosing namespace counts
/// as much as a <c>using</c>). Nested and compiler-generated types count for the namespace of the type that holds them.
/// </summary>
internal sealed class NamespaceGraph
{
    private NamespaceGraph(string assemblyName, IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        AssemblyName = assemblyName;
        Edges = edges;
    }

    /// <summary>The assembly read.</summary>
    public string AssemblyName { get; }

    /// <summary>Every namespace of the assembly with the other namespaces of the same assembly it uses, in order.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges { get; }

    public static NamespaceGraph Of(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        var name = module.Assembly.Name.Name;
        var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.Types.Where(t => t.Namespace.Length > 0 && !t.Namespace.StartsWith("System.", StringComparison.Ordinal)))
        {
            var uses = edges.TryGetValue(type.Namespace, out var known) ? known : edges[type.Namespace] = new(StringComparer.Ordinal);
            foreach (var used in TypesUsedBy(type))
            {
                if (used.Scope is ModuleDefinition && Outermost(used).Namespace is { Length: > 0 } ns && ns != type.Namespace && !ns.StartsWith("System.", StringComparison.Ordinal))
                {
                    uses.Add(ns);
                }
            }
        }

        return new NamespaceGraph(name, edges);
    }

    /// <summary>The same graph without some namespaces and some edges ("from", "to").</summary>
    public NamespaceGraph Without(IEnumerable<string> namespaces, IEnumerable<(string From, string To)> edges)
    {
        var leftOut = namespaces.ToHashSet(StringComparer.Ordinal);
        var cut = edges.ToHashSet();
        return new NamespaceGraph(AssemblyName, Edges
            .Where(e => !leftOut.Contains(e.Key))
            .ToDictionary(
                e => e.Key,
                e => new SortedSet<string>(e.Value.Where(to => !leftOut.Contains(to) && !cut.Contains((e.Key, to))), StringComparer.Ordinal),
                StringComparer.Ordinal));
    }

    /// <summary>The cycles: each set of namespaces that reach one another, in name order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's strongly connected components; a component of more than one namespace is a cycle.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var targets) ? targets : [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in Edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>The graph as lines "A → B, C", namespaces shortened by the assembly's name.</summary>
    public IEnumerable<string> Lines() =>
        Edges.Select(e => $"{Short(e.Key)} → {(e.Value.Count == 0 ? "(nothing)" : string.Join(", ", e.Value.Select(Short)))}");

    private string Short(string ns) => ns == AssemblyName ? "(root)" : ns.StartsWith(AssemblyName + ".", StringComparison.Ordinal) ? ns[(AssemblyName.Length + 1)..] : ns;

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> TypesUsedBy(TypeDefinition type)
    {
        IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
            provider.CustomAttributes.SelectMany(a => Expand(a.AttributeType).Concat(a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().SelectMany(Expand)));

        foreach (var t in Attributes(type))
        {
            yield return t;
        }

        if (type.BaseType is not null)
        {
            foreach (var t in Expand(type.BaseType))
            {
                yield return t;
            }
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return t;
        }

        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType).Concat(Attributes(field)))
            {
                yield return t;
            }
        }

        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType).Concat(Attributes(property)))
            {
                yield return t;
            }
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))).Concat(Attributes(method)))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType)))
            {
                yield return t;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                var used = instruction.Operand switch
                {
                    TypeReference t => Expand(t),
                    MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
                        .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
                    FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                    _ => [],
                };
                foreach (var t in used)
                {
                    yield return t;
                }
            }
        }

        foreach (var t in type.NestedTypes.SelectMany(TypesUsedBy))
        {
            yield return t;
        }
    }

    // A type and the types it is built from: element types of arrays and pointers, generic arguments.
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var t in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return t;
                }

                break;
            case TypeSpecification specification:
                foreach (var t in Expand(specification.ElementType))
                {
                    yield return t;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
