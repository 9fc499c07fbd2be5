import Testing
import TerminalUI

/// TextInput: editing by whole Characters, keys, paste and scrolling.
@Suite struct TextInputTests {
    @Test(arguments: [nfc("Suối Giàng"), nfd("Suối Giàng")])
    func editsWholeVietnameseLetters(spelling: String) {
        var input = TextInput(spelling)
        #expect(input.text == nfc("Suối Giàng"))
        #expect(input.text.unicodeScalars.elementsEqual(nfc("Suối Giàng").unicodeScalars))
        #expect(input.cursor == 10)
        input.backspace()
        #expect(input.text == "Suối Giàn")
        input.backspace()
        input.backspace()
        #expect(input.text == "Suối Gi")  // "à" went in one press, mark and all
        input.home()
        input.moveRight()
        input.moveRight()
        #expect(input.beforeCursor == "Su")
        input.moveRight()  // over "ố" as one step
        #expect(input.beforeCursor == "Suố")
        input.moveLeft()
        input.delete()
        #expect(input.text == "Sui Gi")
        #expect(input.cursor == 2)
    }

    @Test func typedNFDMarksComposeWithTheLetterBefore() {
        var input = TextInput("Suo")
        for scalar in nfd("ố").unicodeScalars.dropFirst() {
            #expect(press(&input, .character(Character(String(scalar)))))
        }
        #expect(input.text == nfc("Suố"))
        #expect(input.cursor == 3)
        input.backspace()
        #expect(input.text == "Su")
    }

    @Test func cursorStaysInRange() {
        var input = TextInput("ab", cursor: 9)
        #expect(input.cursor == 2)
        input.moveRight()
        input.delete()
        #expect(input.cursor == 2 && input.text == "ab")
        input.home()
        input.moveLeft()
        input.backspace()
        #expect(input.cursor == 0 && input.text == "ab")
        #expect(TextInput("ab", cursor: -3).cursor == 0)
    }

    @Test func ctrlWDeletesBackToTheWordStartSkippingSpaces() {
        var input = TextInput(nfd("Xã Suối Giàng  "))
        #expect(press(&input, .ctrl("w")))
        #expect(input.text == "Xã Suối ")
        #expect(press(&input, .ctrl("w")))
        #expect(input.text == "Xã ")
        input.insert("Nậm Có")
        input.moveLeft()
        input.moveLeft()
        input.deleteWordBackward()  // from inside a word: only its start goes
        #expect(input.text == "Xã Có")
        #expect(input.cursor == 3)
    }

    @Test func ctrlUDeletesTheWholeLineBeforeTheCursor() {
        var input = TextInput("Mường Lò", cursor: 6)
        #expect(press(&input, .ctrl("u")))
        #expect(input.text == "Lò")
        #expect(input.cursor == 0)
    }

    @Test func keysMapToEdits() {
        var input = TextInput()
        for key: Key in [.character("a"), .character("ở"), .character("c"), .left, .backspace] {
            #expect(press(&input, key))
        }
        #expect(input.text == "ac" && input.cursor == 1)
        #expect(press(&input, .ctrl("e")) && input.cursor == 2)
        #expect(press(&input, .ctrl("a")) && input.cursor == 0)
        #expect(press(&input, .end) && input.cursor == 2)
        #expect(press(&input, .home) && press(&input, .delete) && input.text == "c")
        #expect(press(&input, .right) && input.cursor == 1)
        for key: Key in [.enter, .escape, .tab, .up, .down, .pageDown, .ctrl("x"), .function(2)] {
            #expect(!press(&input, key))
        }
        #expect(input == TextInput("c"))
    }

    @Test func pasteArrivesWholeWithoutControls() {
        var input = TextInput("[]", cursor: 1)
        input.insert("Nậm\tCó\u{1B}[31m, Mù\r\nCang\u{07}\u{85}Chải")
        #expect(input.text == "[Nậm Có[31m, Mù CangChải]")
        #expect(input.cursor == 24)
        #expect(!containsControl(input.text))
        input.insert(nfd("Tú Lệ"))
        #expect(input.text == nfc("[Nậm Có[31m, Mù CangChảiTú Lệ]"))
    }

    @Test func replaceBeforeCursorLetsAnInputMethodRewrite() {
        var input = TextInput("Suoi Giang", cursor: 4)
        input.replaceBeforeCursor(with: nfd("Suối"))
        #expect(input.text == "Suối Giang")
        #expect(input.cursor == 4)
        input.replaceBeforeCursor(with: "")
        #expect(input.text == " Giang" && input.cursor == 0)
    }

    @Test func visibleKeepsTheCursorInViewByDisplayWidth() {
        #expect(TextInput("abc").visible(width: 5) == ("abc", 3))
        // The blank after the text needs a column too.
        #expect(TextInput("abcde").visible(width: 5) == ("bcde", 4))
        #expect(TextInput("abcde", cursor: 0).visible(width: 3) == ("abc", 0))
        #expect(TextInput("abcdef", cursor: 4).visible(width: 3) == ("cde", 2))
        // Wide characters take two columns and are never cut.
        #expect(TextInput("中文字符").visible(width: 6) == ("字符", 4))
        #expect(TextInput("中文字符", cursor: 3).visible(width: 6) == ("文字符", 4))
        #expect(TextInput("a中文b", cursor: 0).visible(width: 4) == ("a中", 0))
        #expect(TextInput("中").visible(width: 1) == ("", 0))
        #expect(TextInput(nfd("Suối Giàng")).visible(width: 8) == ("i Giàng", 7))
        #expect(TextInput("abc").visible(width: 0) == ("", 0))
    }
}

/// `handle` through a function, since `#expect` can't call a mutating method.
func press(_ input: inout TextInput, _ key: Key) -> Bool { input.handle(key) }
