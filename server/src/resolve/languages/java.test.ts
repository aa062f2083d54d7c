import { javaFunctionToPath } from './java';

describe('Java function name → path', () => {
  it.each([
    ['com/example/MyClass', 'com/example/MyClass.java'],
    ['com/example/MyClass.myMethod', 'com/example/MyClass.java'],
    ['com/example/OuterClass$InnerClass', 'com/example/OuterClass.java'],
    ['com/example/OuterClass$InnerClass.method', 'com/example/OuterClass.java'],
    ['com/example/MyClass$1', 'com/example/MyClass.java'],
    ['com/example/Outer$Inner$DeepInner', 'com/example/Outer.java'],
    ['com/example/MyClass.method.withDots', 'com/example/MyClass.java'],
    ['MyClass.method', 'MyClass.java'],
    ['MyClass$Inner', 'MyClass.java'],
    ['MyClass', 'MyClass.java'],
    ['org/springframework/boot/Application$Config$Bean.initialize', 'org/springframework/boot/Application.java'],
    ['com/example/Class$Inner.method', 'com/example/Class.java'],
    ['com/example/Class.method$1', 'com/example/Class.java'],
    ['com/example/Outer$Middle$Inner', 'com/example/Outer.java'],
    ['com/example/Class.method.subMethod', 'com/example/Class.java'],
    ['$Foo', '$Foo.java'],
    // Pyroscope gives org.java; dotted names are split at the class (Linescope).
    ['org.example.Foo.bar', 'org/example/Foo.java'],
    ['org.example.Foo$Inner.lambda$run$0', 'org/example/Foo.java'],
    ['com/linescope/shop/Catalog$$Lambda$98+0x00007f1adc00d210/2143437117.apply', 'com/linescope/shop/Catalog.java'],
  ])('%s → %s', (name, path) => {
    expect(javaFunctionToPath(name)).toBe(path);
  });
});
